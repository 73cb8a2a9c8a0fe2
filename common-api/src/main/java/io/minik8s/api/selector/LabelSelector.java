package io.minik8s.api.selector;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A label selector: an AND of requirements on an object's labels (upstream's labels.Selector).
 * Immutable. Built by {@link #parse} from upstream's string syntax ({@code a=b,c!=d,e in (f,g),
 * !h}), from a map of exact matches, or from an object's metav1.LabelSelector.
 *
 * <p>{@link #everything()} has no requirements and matches every label set; {@link #nothing()}
 * matches none. Both print as "".
 */
public final class LabelSelector {
  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);
  private static final Comparator<LabelRequirement> BY_KEY =
      Comparator.comparing(LabelRequirement::key);

  private final List<LabelRequirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<LabelRequirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /** Matches every label set (upstream's labels.Everything()). */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** Matches no label set (upstream's labels.Nothing()). */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * Parses upstream's selector syntax; requirements come out sorted by key and each set of values
   * sorted and deduplicated. An empty string selects everything.
   *
   * @throws IllegalArgumentException with upstream's message, e.g. {@code unable to parse
   *     requirement: <nil>: Invalid value: "a b": name part must consist of ...}
   */
  public static LabelSelector parse(String selector) {
    return of(LabelSelectorParser.parse(Objects.requireNonNull(selector, "selector")));
  }

  /**
   * Requires each label to equal the given value, without validating keys or values (upstream's
   * SelectorFromSet); null or empty selects everything.
   */
  public static LabelSelector fromSet(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return EVERYTHING;
    }
    List<LabelRequirement> list = new ArrayList<>();
    new TreeMap<>(labels)
        .forEach((k, v) -> list.add(new LabelRequirement(k, Operator.EQUALS, List.of(v))));
    return new LabelSelector(List.copyOf(list), false);
  }

  /**
   * Converts an API object's label selector as upstream's LabelSelectorAsSelector: null selects
   * nothing, one without matchLabels and matchExpressions selects everything.
   *
   * @throws IllegalArgumentException for an unknown operator or an invalid requirement
   */
  public static LabelSelector from(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    Map<String, String> labels =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    if (labels.isEmpty() && expressions.isEmpty()) {
      return EVERYTHING;
    }
    List<LabelRequirement> list = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> list.add(requirement(k, Operator.EQUALS, List.of(v))));
    for (LabelSelectorRequirement expression : expressions) {
      Operator operator = expressionOperator(expression.getOperator());
      List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
      String key = expression.getKey() == null ? "" : expression.getKey();
      list.add(requirement(key, operator, values));
    }
    return of(list);
  }

  private static Operator expressionOperator(String value) {
    String operator = value == null ? "" : value;
    return switch (operator) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default ->
          throw new IllegalArgumentException(
              FieldErrors.quote(operator) + " is not a valid label selector operator");
    };
  }

  /**
   * A validated requirement (upstream's NewRequirement): a valid label key, valid label values, and
   * as many values as the operator takes.
   *
   * @throws IllegalArgumentException with upstream's aggregated field errors
   */
  public static LabelRequirement requirement(
      String key, Operator operator, Collection<String> values) {
    List<String> list = List.copyOf(values);
    List<String> errors = RequirementRules.errors(key, operator, list);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(FieldErrors.aggregate(errors));
    }
    return new LabelRequirement(key, operator, list);
  }

  /** This selector with more requirements, re-sorted by key (upstream's Add). */
  public LabelSelector and(Collection<LabelRequirement> more) {
    if (nothing) {
      return this;
    }
    List<LabelRequirement> list = new ArrayList<>(requirements);
    list.addAll(more);
    return of(list);
  }

  private static LabelSelector of(List<LabelRequirement> list) {
    List<LabelRequirement> sorted = new ArrayList<>(list);
    sorted.sort(BY_KEY);
    return sorted.isEmpty() ? EVERYTHING : new LabelSelector(List.copyOf(sorted), false);
  }

  /** Whether every requirement holds for these labels (null is no labels). */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    Map<String, String> set = labels == null ? Map.of() : labels;
    for (LabelRequirement r : requirements) {
      if (!r.matches(set)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector restricts nothing, i.e. selects everything. */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  /** Whether this is {@link #nothing()}. */
  public boolean matchesNothing() {
    return nothing;
  }

  /** The requirements, sorted by key; empty for {@link #everything()} and {@link #nothing()}. */
  public List<LabelRequirement> requirements() {
    return requirements;
  }

  /**
   * The value the label must have, when the first requirement on it is {@code =}, {@code ==} or
   * {@code in} with a single value (upstream's RequiresExactMatch): an index hint.
   */
  public Optional<String> requiresExactMatch(String key) {
    for (LabelRequirement r : requirements) {
      if (r.key().equals(key)) {
        boolean exact =
            r.operator() == Operator.EQUALS
                || r.operator() == Operator.DOUBLE_EQUALS
                || r.operator() == Operator.IN;
        return exact && r.values().size() == 1 ? Optional.of(r.values().get(0)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector other
        && nothing == other.nothing
        && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirements, nothing);
  }

  /** Upstream's canonical form: requirements joined by ",", e.g. "a=b,c in (d,e),!f". */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    requirements.forEach(r -> parts.add(r.toString()));
    return String.join(",", parts);
  }
}
