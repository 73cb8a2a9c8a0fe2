package io.minik8s.api.selector;

import io.minik8s.api.selector.LabelSelectorLexer.Item;
import io.minik8s.api.selector.LabelSelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Upstream's label selector recursive-descent parser (k8s.io/apimachinery/pkg/labels), with its
 * grammar, whitespace rules, keyword handling ("in" and "notin" are values inside parentheses) and
 * error messages.
 */
final class LabelSelectorParser {
  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final List<Item> items;
  private int position;

  private LabelSelectorParser(List<Item> items) {
    this.items = items;
  }

  static List<LabelRequirement> parse(String selector) {
    return new LabelSelectorParser(new LabelSelectorLexer(selector).scan()).requirements();
  }

  private List<LabelRequirement> requirements() {
    List<LabelRequirement> requirements = new ArrayList<>();
    while (true) {
      Item next = lookahead();
      switch (next.token()) {
        case IDENTIFIER, DOES_NOT_EXIST -> {
          try {
            requirements.add(requirement());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unable to parse requirement: " + e.getMessage());
          }
          Item after = consume();
          if (after.token() == Token.END) {
            return requirements;
          }
          if (after.token() != Token.COMMA) {
            throw error("found '%s', expected: ',' or 'end of string'", after.literal());
          }
          Item following = lookahead();
          if (following.token() != Token.IDENTIFIER && following.token() != Token.DOES_NOT_EXIST) {
            throw error("found '%s', expected: identifier after ','", following.literal());
          }
        }
        case END -> {
          return requirements;
        }
        default ->
            throw error("found '%s', expected: !, identifier, or 'end of string'", next.literal());
      }
    }
  }

  private LabelRequirement requirement() {
    Operator operator = null;
    Item key = consume();
    if (key.token() == Token.DOES_NOT_EXIST) {
      operator = Operator.DOES_NOT_EXIST;
      key = consume();
    }
    if (key.token() != Token.IDENTIFIER) {
      throw error("found '%s', expected: identifier", key.literal());
    }
    List<String> keyErrors = LabelValidation.labelKeyErrors(key.literal());
    if (!keyErrors.isEmpty()) {
      throw new IllegalArgumentException(
          FieldErrors.invalid(FieldErrors.NIL_PATH, key.literal(), String.join("; ", keyErrors)));
    }
    Token next = lookahead().token();
    if (operator == null && (next == Token.END || next == Token.COMMA)) {
      operator = Operator.EXISTS;
    }
    if (operator != null) {
      return LabelSelector.requirement(key.literal(), operator, List.of());
    }
    operator = operator();
    TreeSet<String> values =
        operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : exactValue();
    return LabelSelector.requirement(key.literal(), operator, values);
  }

  private Operator operator() {
    // read in the key-and-operator context: here "in" and "notin" are operators
    Item item = items.get(position++);
    return switch (item.token()) {
      case IN -> Operator.IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case LESS_THAN -> Operator.LESS_THAN;
      case NOT_IN -> Operator.NOT_IN;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      default -> throw error("found '%s', expected: %s", item.literal(), BINARY_OPERATORS);
    };
  }

  private TreeSet<String> valueSet() {
    Item open = consume();
    if (open.token() != Token.OPEN_PAR) {
      throw error("found '%s' expected: '('", open.literal());
    }
    Item first = lookahead();
    switch (first.token()) {
      case IDENTIFIER, COMMA -> {
        TreeSet<String> values = identifiers();
        if (consume().token() != Token.CLOSED_PAR) {
          throw error("found '%s', expected: ')'", first.literal());
        }
        return values;
      }
      case CLOSED_PAR -> {
        consume();
        return new TreeSet<>(List.of(""));
      }
      default -> throw error("found '%s', expected: ',', ')' or identifier", first.literal());
    }
  }

  /** A comma-separated list of possibly empty values, up to (not including) the ')'. */
  private TreeSet<String> identifiers() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Item item = consume();
      switch (item.token()) {
        case IDENTIFIER -> {
          values.add(item.literal());
          Item next = lookahead();
          if (next.token() == Token.CLOSED_PAR) {
            return values;
          }
          if (next.token() != Token.COMMA) {
            throw error("found '%s', expected: ',' or ')'", next.literal());
          }
        }
        case COMMA -> {
          // "(,", ",," and ",)" each stand for an empty value
          if (values.isEmpty()) {
            values.add("");
          }
          Token next = lookahead().token();
          if (next == Token.CLOSED_PAR) {
            values.add("");
            return values;
          }
          if (next == Token.COMMA) {
            values.add("");
          }
        }
        default -> throw error("found '%s', expected: ',', or identifier", item.literal());
      }
    }
  }

  private TreeSet<String> exactValue() {
    Token next = lookahead().token();
    if (next == Token.END || next == Token.COMMA) {
      return new TreeSet<>(List.of(""));
    }
    Item item = consume();
    if (item.token() != Token.IDENTIFIER) {
      throw error("found '%s', expected: identifier", item.literal());
    }
    return new TreeSet<>(List.of(item.literal()));
  }

  /** The next item without consuming it, keywords read as identifiers (the values context). */
  private Item lookahead() {
    return asValue(items.get(position));
  }

  private Item consume() {
    return asValue(items.get(position++));
  }

  private static Item asValue(Item item) {
    return item.token() == Token.IN || item.token() == Token.NOT_IN
        ? new Item(Token.IDENTIFIER, item.literal())
        : item;
  }

  private static IllegalArgumentException error(String format, Object... args) {
    return new IllegalArgumentException(String.format(format, args));
  }
}
