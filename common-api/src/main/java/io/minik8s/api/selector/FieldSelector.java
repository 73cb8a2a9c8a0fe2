package io.minik8s.api.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A field selector: an AND of {@code field=value} and {@code field!=value} terms on an object's
 * selectable fields (upstream's fields.Selector). Immutable.
 *
 * <p>Syntax as upstream's fields.ParseSelector: terms separated by ',', operators '=', '==' and
 * '!=', no whitespace trimming, and values escaped with '\' ({@code \,} {@code \=} {@code \\}).
 * Which field names are allowed is the server's call, per resource.
 */
public final class FieldSelector {
  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
  private static final List<String> OPERATORS = List.of("!=", "==", "=");

  private final List<FieldRequirement> requirements;

  private FieldSelector(List<FieldRequirement> requirements) {
    this.requirements = requirements;
  }

  /** Matches every object. */
  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses a field selector; terms come out sorted as upstream sorts them and "==" reads as "=".
   *
   * @throws IllegalArgumentException with upstream's message for a term without a known operator
   *     ("invalid selector: 'a>1'; can't understand 'a>1'") or a badly escaped value
   */
  public static FieldSelector parse(String selector) {
    List<String> terms = splitTerms(selector);
    Collections.sort(terms);
    List<FieldRequirement> list = new ArrayList<>();
    for (String term : terms) {
      if (term.isEmpty()) {
        continue;
      }
      FieldRequirement requirement = splitTerm(term);
      if (requirement == null) {
        throw new IllegalArgumentException(
            "invalid selector: '" + selector + "'; can't understand '" + term + "'");
      }
      list.add(requirement);
    }
    return list.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(list));
  }

  /** Requires each field to equal the given value (upstream's fields.SelectorFromSet). */
  public static FieldSelector fromSet(Map<String, String> fields) {
    List<FieldRequirement> list = new ArrayList<>();
    new TreeMap<>(fields).forEach((f, v) -> list.add(new FieldRequirement(f, Operator.EQUALS, v)));
    return list.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(list));
  }

  /** The terms split at unescaped commas, escapes kept. */
  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    if (selector.isEmpty()) {
      return terms;
    }
    int start = 0;
    boolean escaped = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  /** Splits at the first operator (field names have no escaping); null when there is none. */
  private static FieldRequirement splitTerm(String term) {
    for (int i = 0; i < term.length(); i++) {
      for (String op : OPERATORS) {
        if (term.startsWith(op, i)) {
          Operator operator = op.equals("!=") ? Operator.NOT_EQUALS : Operator.EQUALS;
          String value = unescape(term.substring(i + op.length()));
          return new FieldRequirement(term.substring(0, i), operator, value);
        }
      }
    }
    return null;
  }

  /** Upstream's UnescapeValue, with its messages. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (escaped) {
        if (c != '\\' && c != ',' && c != '=') {
          throw new IllegalArgumentException(
              "invalid field selector: invalid escape sequence: \\" + c);
        }
        sb.append(c);
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',' || c == '=') {
        // upstream prints the rune with %v, i.e. as its code point number
        throw new IllegalArgumentException(
            "invalid field selector: unescaped character in value: " + (int) c);
      } else {
        sb.append(c);
      }
    }
    if (escaped) {
      throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\");
    }
    return sb.toString();
  }

  /** Escapes '\', ',' and '=' in a value so that it parses back (upstream's EscapeValue). */
  public static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }

  /** Whether every term holds; a field missing from the map has the value "". */
  public boolean matches(Map<String, String> fields) {
    for (FieldRequirement r : requirements) {
      if (!r.matches(fields)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector restricts nothing. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** The terms, in upstream's order, so that a server can check the field names. */
  public List<FieldRequirement> requirements() {
    return requirements;
  }

  /**
   * The value of the first {@code =} term on a field (upstream's RequiresExactMatch): what an index
   * can look up.
   */
  public Optional<String> requiresExactMatch(String field) {
    return Optional.ofNullable(exactMatches().get(field));
  }

  /** Every field an {@code =} term pins, with the value of its first such term: index hints. */
  public Map<String, String> exactMatches() {
    Map<String, String> exact = new LinkedHashMap<>();
    for (FieldRequirement r : requirements) {
      if (r.operator() == Operator.EQUALS) {
        exact.putIfAbsent(r.field(), r.value());
      }
    }
    return Collections.unmodifiableMap(exact);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector other && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }

  /** Upstream's form: terms joined by ",", values escaped, e.g. "a=b,c!=d\,e". */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    requirements.forEach(r -> parts.add(r.toString()));
    return String.join(",", parts);
  }
}
