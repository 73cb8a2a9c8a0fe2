package io.minik8s.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field selectors, after upstream's fields/selector_test.go. */
class FieldSelectorTest {

  @ParameterizedTest(name = "''{0}'' prints as ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "a=b|a=b",
        "a==b|a=b",
        "a!=b|a!=b",
        "b=1,a=2|a=2,b=1",
        ",,a=b,|a=b",
        "spec.nodeName=,status.phase!=Running|spec.nodeName=,status.phase!=Running",
        "x=a\\,b|x=a\\,b",
        "x=a\\=b\\\\c|x=a\\=b\\\\c",
        "'a = b'|'a = b'",
      })
  void parsesToUpstreamsCanonicalForm(String selector, String canonical) {
    FieldSelector parsed = FieldSelector.parse(selector);

    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(FieldSelector.parse(parsed.toString())).isEqualTo(parsed);
  }

  @ParameterizedTest(name = "''{0}'' is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a>1|invalid selector: 'a>1'; can't understand 'a>1'",
        "a=b,c|invalid selector: 'a=b,c'; can't understand 'c'",
        "x=a\\x|invalid field selector: invalid escape sequence: \\x",
        "x=a\\|invalid field selector: invalid escape sequence: \\",
        "x=a=b|invalid field selector: unescaped character in value: 61",
        "a!==b|invalid field selector: unescaped character in value: 61",
      })
  void rejectsUnknownOperatorsAndBadEscapesWithUpstreamsMessages(String selector, String message) {
    assertThatThrownBy(() -> FieldSelector.parse(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "''{0}'' on {1} matches: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|-|true",
        "spec.nodeName=n1|spec.nodeName:n1|true",
        "spec.nodeName==n1|spec.nodeName:n1|true",
        "spec.nodeName=|-|true",
        "spec.nodeName=|spec.nodeName:|true",
        "spec.nodeName!=|spec.nodeName:n1|true",
        "metadata.name=a\\,b|metadata.name:a,b|true",
        "a=b,c!=d|a:b;c:e|true",
        "spec.nodeName=n1|spec.nodeName:n2|false",
        "spec.nodeName=n1|-|false",
        "spec.nodeName!=|-|false",
        "a=b,c!=d|a:b;c:d|false",
      })
  void matchesAsUpstreamTreatingMissingFieldsAsEmpty(
      String selector, String fieldSpec, boolean expected) {
    assertThat(FieldSelector.parse(selector).matches(LabelSelectorParseTest.labels(fieldSpec)))
        .isEqualTo(expected);
  }

  @Test
  void exposesTermsForFieldNameChecksAndExactMatchesForIndexHints() {
    FieldSelector selector =
        FieldSelector.parse("status.phase==Running,spec.nodeName!=n2,metadata.name=web");

    assertThat(selector.requirements())
        .containsExactly(
            new FieldRequirement("metadata.name", Operator.EQUALS, "web"),
            new FieldRequirement("spec.nodeName", Operator.NOT_EQUALS, "n2"),
            new FieldRequirement("status.phase", Operator.EQUALS, "Running"));
    assertThat(selector.exactMatches())
        .containsExactly(Map.entry("metadata.name", "web"), Map.entry("status.phase", "Running"));
    assertThat(selector.requiresExactMatch("spec.nodeName")).isEmpty();
    assertThat(selector.requiresExactMatch("status.phase")).contains("Running");
  }

  @Test
  void theFirstEqualityOnAFieldIsItsExactMatch() {
    assertThat(FieldSelector.parse("a=2,a=1").exactMatches()).containsExactly(Map.entry("a", "1"));
  }

  @Test
  void escapedValuesParseBackToTheOriginal() {
    String value = "a,b=c\\d";
    FieldSelector selector = FieldSelector.fromSet(Map.of("metadata.name", value));

    assertThat(selector).hasToString("metadata.name=a\\,b\\=c\\\\d");
    assertThat(FieldSelector.parse(selector.toString()).requirements())
        .containsExactly(new FieldRequirement("metadata.name", Operator.EQUALS, value));
  }

  @Test
  void anEmptySelectorMatchesEverything() {
    assertThat(FieldSelector.parse("").isEmpty()).isTrue();
    assertThat(FieldSelector.everything().matches(Map.of("a", "b"))).isTrue();
    assertThat(FieldSelector.fromSet(Map.of()).requirements()).isEqualTo(List.of());
  }
}
