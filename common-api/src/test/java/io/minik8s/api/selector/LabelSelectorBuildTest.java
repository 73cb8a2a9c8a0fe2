package io.minik8s.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selectors built from label sets and from API objects' metav1.LabelSelector. */
class LabelSelectorBuildTest {

  @Test
  void aNullObjectSelectorMatchesNothing() {
    LabelSelector selector = LabelSelector.from(null);

    assertThat(selector.matches(Map.of())).isFalse();
    assertThat(selector.matches(Map.of("app", "web"))).isFalse();
    assertThat(selector.isEmpty()).isFalse();
    assertThat(selector.matchesNothing()).isTrue();
    assertThat(selector).hasToString("");
  }

  @Test
  void anEmptyObjectSelectorMatchesEverything() {
    LabelSelector selector = LabelSelector.from(new LabelSelectorBuilder().build());

    assertThat(selector.matches(Map.of())).isTrue();
    assertThat(selector.matches(Map.of("app", "web"))).isTrue();
    assertThat(selector.isEmpty()).isTrue();
    assertThat(selector).isEqualTo(LabelSelector.everything()).hasToString("");
  }

  @Test
  void convertsMatchLabelsAndMatchExpressionsSortedByKey() {
    LabelSelector selector =
        LabelSelector.from(
            new LabelSelectorBuilder()
                .addToMatchLabels("tier", "frontend")
                .addToMatchLabels("app", "guestbook")
                .addNewMatchExpression()
                .withKey("env")
                .withOperator("In")
                .withValues("prod", "canary")
                .endMatchExpression()
                .addNewMatchExpression()
                .withKey("zone")
                .withOperator("NotIn")
                .withValues("a")
                .endMatchExpression()
                .addNewMatchExpression()
                .withKey("legacy")
                .withOperator("DoesNotExist")
                .endMatchExpression()
                .addNewMatchExpression()
                .withKey("owner")
                .withOperator("Exists")
                .endMatchExpression()
                .build());

    assertThat(selector)
        .hasToString(
            "app=guestbook,env in (canary,prod),!legacy,owner,tier=frontend,zone notin (a)");
    assertThat(selector).isEqualTo(LabelSelector.parse(selector.toString()));
    assertThat(
            selector.matches(
                Map.of("app", "guestbook", "tier", "frontend", "env", "prod", "owner", "me")))
        .isTrue();
    assertThat(
            selector.matches(
                Map.of("app", "guestbook", "tier", "frontend", "env", "dev", "owner", "me")))
        .isFalse();
  }

  @ParameterizedTest(name = "{0} {1} {2} is rejected: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app|Equals|web|\"Equals\" is not a valid label selector operator",
        "app|In||values: Invalid value: []string(nil):"
            + " for 'in', 'notin' operators, values set can't be empty",
        "app|Exists|a,b|values: Invalid value: []string{\"a\", \"b\"}:"
            + " values set must be empty for exists and does not exist",
        "a/b/c|Exists||key: Invalid value: \"a/b/c\": a qualified name must consist of"
            + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
            + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used"
            + " for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional"
            + " DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        "/app|DoesNotExist||key: Invalid value: \"/app\": prefix part must be non-empty",
      })
  void rejectsInvalidExpressionsWithUpstreamsMessages(
      String key, String operator, String values, String message) {
    var selector =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey(key)
            .withOperator(operator)
            .withValues(values == null ? List.of() : List.of(values.split(",")))
            .endMatchExpression()
            .build();

    assertThatThrownBy(() -> LabelSelector.from(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void severalProblemsInOneRequirementAreAggregatedAsUpstream() {
    assertThatThrownBy(() -> LabelSelector.requirement("a$", Operator.GREATER_THAN, List.of("x")))
        .hasMessageStartingWith("[key: Invalid value: \"a$\": name part must consist of")
        .hasMessageEndingWith(
            ", values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an"
                + " integer]");
  }

  @Test
  void aLabelSetSelectsExactlyThoseValuesWithoutValidation() {
    LabelSelector selector = LabelSelector.fromSet(Map.of("b", "2", "a", "1", "bad key", "x"));

    assertThat(selector).hasToString("a=1,b=2,bad key=x");
    assertThat(selector.matches(Map.of("a", "1", "b", "2", "bad key", "x", "c", "3"))).isTrue();
    assertThat(selector.matches(Map.of("a", "1"))).isFalse();
    assertThat(LabelSelector.fromSet(Map.of()).isEmpty()).isTrue();
    assertThat(LabelSelector.fromSet(null).matches(Map.of("x", "y"))).isTrue();
  }

  @ParameterizedTest(name = "in ''{0}'' the label {1} must be ''{2}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "a=b,c in (d),e in (f,g),h!=i,j|a|b",
        "a=b,c in (d),e in (f,g),h!=i,j|c|d",
        "a==b|a|b",
        "a=b,c in (d),e in (f,g),h!=i,j|e|",
        "a=b,c in (d),e in (f,g),h!=i,j|h|",
        "a=b,c in (d),e in (f,g),h!=i,j|j|",
        "a=b,c in (d),e in (f,g),h!=i,j|z|",
      })
  void reportsLabelsThatRequireAnExactValue(String selector, String key, String value) {
    assertThat(LabelSelector.parse(selector).requiresExactMatch(key).orElse(null)).isEqualTo(value);
  }

  @Test
  void addingRequirementsKeepsThemSortedByKey() {
    LabelSelector selector =
        LabelSelector.parse("b=1")
            .and(
                List.of(
                    LabelSelector.requirement("a", Operator.EXISTS, List.of()),
                    LabelSelector.requirement("c", Operator.NOT_IN, List.of("y", "x"))));

    assertThat(selector).hasToString("a,b=1,c notin (x,y)");
    assertThat(LabelSelector.nothing().and(selector.requirements()).matches(Map.of())).isFalse();
  }

  @ParameterizedTest(name = "label key ''{0}'' has {1} problem(s)")
  @CsvSource({
    "app, 0",
    "example.com/app, 0",
    "a.b-c_d, 0",
    "Example.com/app, 1",
    "-app, 1",
    "app-, 1",
    "/app, 1",
    "example.com/, 2",
    "a/b/c, 1",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 1",
  })
  void validatesLabelKeysAsUpstream(String key, int problems) {
    assertThat(LabelValidation.labelKeyErrors(key)).hasSize(problems);
  }

  @ParameterizedTest(name = "label value ''{0}'' has {1} problem(s)")
  @CsvSource({"'', 0", "web, 0", "v1.2_3-x, 0", "-web, 1", "web app, 1", "a/b, 1"})
  void validatesLabelValuesAsUpstream(String value, int problems) {
    assertThat(LabelValidation.labelValueErrors(value)).hasSize(problems);
  }
}
