package io.minik8s.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream's label selector lexer: splits a selector into identifiers, keywords ("in", "notin") and
 * the longest operator symbol runs that are known tokens ("!=", "==", "(", ...).
 */
final class LabelSelectorLexer {
  enum Token {
    ERROR,
    END,
    CLOSED_PAR,
    COMMA,
    DOES_NOT_EXIST,
    DOUBLE_EQUALS,
    EQUALS,
    GREATER_THAN,
    IDENTIFIER,
    IN,
    LESS_THAN,
    NOT_EQUALS,
    NOT_IN,
    OPEN_PAR
  }

  record Item(Token token, String literal) {}

  private static final Map<String, Token> KEYWORDS =
      Map.ofEntries(
          Map.entry(")", Token.CLOSED_PAR),
          Map.entry(",", Token.COMMA),
          Map.entry("!", Token.DOES_NOT_EXIST),
          Map.entry("==", Token.DOUBLE_EQUALS),
          Map.entry("=", Token.EQUALS),
          Map.entry(">", Token.GREATER_THAN),
          Map.entry("in", Token.IN),
          Map.entry("<", Token.LESS_THAN),
          Map.entry("!=", Token.NOT_EQUALS),
          Map.entry("notin", Token.NOT_IN),
          Map.entry("(", Token.OPEN_PAR));

  private final String s;
  private int pos;

  LabelSelectorLexer(String s) {
    this.s = s;
  }

  /** Every item up to and including the END item. */
  List<Item> scan() {
    List<Item> items = new ArrayList<>();
    Item item;
    do {
      item = lex();
      items.add(item);
    } while (item.token() != Token.END);
    return items;
  }

  /** The next character, or 0 at the end (a NUL in the input also ends it, as upstream). */
  private char read() {
    return pos < s.length() ? s.charAt(pos++) : 0;
  }

  private void unread() {
    pos--;
  }

  private Item lex() {
    char ch = read();
    while (isWhitespace(ch)) {
      ch = read();
    }
    if (ch == 0) {
      return new Item(Token.END, "");
    }
    unread();
    return isSpecial(ch) ? special() : identifierOrKeyword();
  }

  private Item identifierOrKeyword() {
    StringBuilder sb = new StringBuilder();
    for (char ch = read(); ch != 0; ch = read()) {
      if (isSpecial(ch) || isWhitespace(ch)) {
        unread();
        break;
      }
      sb.append(ch);
    }
    String literal = sb.toString();
    return new Item(KEYWORDS.getOrDefault(literal, Token.IDENTIFIER), literal);
  }

  /** The longest run of operator symbols that is still a known token ("!=", "==", "("). */
  private Item special() {
    StringBuilder sb = new StringBuilder();
    Item last = null;
    for (char ch = read(); ch != 0; ch = read()) {
      if (!isSpecial(ch)) {
        unread();
        break;
      }
      sb.append(ch);
      Token token = KEYWORDS.get(sb.toString());
      if (token != null) {
        last = new Item(token, sb.toString());
      } else if (last != null) {
        unread();
        break;
      }
    }
    return last != null
        ? last
        : new Item(Token.ERROR, "error expected: keyword found '" + sb + "'");
  }

  private static boolean isWhitespace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
  }

  private static boolean isSpecial(char ch) {
    return ch == '=' || ch == '!' || ch == '(' || ch == ')' || ch == ',' || ch == '>' || ch == '<';
  }
}
