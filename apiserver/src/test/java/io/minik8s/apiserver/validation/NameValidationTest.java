package io.minik8s.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameValidationTest {
  static final String LABEL_REGEX =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String SUBDOMAIN_REGEX =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String DNS1035_REGEX =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  static final String NAME_PART_REGEX =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  static final String LABEL_VALUE_REGEX =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  static Stream<Arguments> malformedValues() {
    Function<String, List<String>> label = NameValidation::isDns1123Label;
    Function<String, List<String>> subdomain = NameValidation::isDns1123Subdomain;
    Function<String, List<String>> dns1035 = NameValidation::isDns1035Label;
    Function<String, List<String>> qualified = NameValidation::isQualifiedName;
    Function<String, List<String>> labelValue = NameValidation::isValidLabelValue;
    Function<String, List<String>> portName = NameValidation::isValidPortName;
    return Stream.of(
        Arguments.of("label", label, "My-Name", List.of(LABEL_REGEX)),
        Arguments.of("label", label, "a.b", List.of("must not contain dots")),
        Arguments.of("label", label, "a".repeat(64), List.of("must be no more than 63 characters")),
        Arguments.of("label", label, "-a", List.of(LABEL_REGEX)),
        Arguments.of("subdomain", subdomain, "a_b", List.of(SUBDOMAIN_REGEX)),
        Arguments.of(
            "subdomain",
            subdomain,
            "a".repeat(254),
            List.of("must be no more than 253 characters")),
        Arguments.of("dns1035", dns1035, "1abc", List.of(DNS1035_REGEX)),
        Arguments.of("qualified", qualified, "bad key", List.of(NAME_PART_REGEX)),
        Arguments.of("qualified", qualified, "/name", List.of("prefix part must be non-empty")),
        Arguments.of(
            "qualified",
            qualified,
            "example.com/",
            List.of("name part must be non-empty", NAME_PART_REGEX)),
        Arguments.of(
            "qualified", qualified, "Example.com/name", List.of("prefix part " + SUBDOMAIN_REGEX)),
        Arguments.of(
            "qualified",
            qualified,
            "a/b/c",
            List.of(
                "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and"
                    + " must start and end with an alphanumeric character (e.g. 'MyName',  or"
                    + " 'my.name',  or '123-abc', regex used for validation is"
                    + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain"
                    + " prefix and '/' (e.g. 'example.com/MyName')")),
        Arguments.of("labelValue", labelValue, "-x", List.of(LABEL_VALUE_REGEX)),
        Arguments.of(
            "labelValue",
            labelValue,
            "v".repeat(64),
            List.of("must be no more than 63 characters")),
        Arguments.of(
            "portName",
            portName,
            "-8_0--",
            List.of(
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)",
                "must not contain consecutive hyphens",
                "must not begin or end with a hyphen")),
        Arguments.of(
            "portName",
            portName,
            "a-very-long-port-name",
            List.of("must be no more than 15 characters")),
        Arguments.of(
            "portName", portName, "8080", List.of("must contain at least one letter (a-z)")));
  }

  @ParameterizedTest(name = "{0} rejects \"{2}\"")
  @MethodSource("malformedValues")
  void explainsEachProblemOfAMalformedValueInUpstreamsWords(
      String rule, Function<String, List<String>> check, String value, List<String> expected) {
    assertThat(check.apply(value)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "my-name", "123-abc", "a1"})
  void acceptsDnsLabels(String value) {
    assertThat(NameValidation.isDns1123Label(value)).isEmpty();
    assertThat(NameValidation.isDns1123Subdomain(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "example.com/My_Name", "k8s.io/a.b-c", "A"})
  void acceptsQualifiedNames(String value) {
    assertThat(NameValidation.isQualifiedName(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v1", "My_Value.2"})
  void acceptsLabelValuesIncludingEmpty(String value) {
    assertThat(NameValidation.isValidLabelValue(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void rejectsPortNumbersOutsideOneTo65535(int port) {
    assertThat(NameValidation.isValidPortNum(port))
        .containsExactly("must be between 1 and 65535, inclusive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1BAD", "A B", "a=b"})
  void rejectsEnvVarNamesOutsideUpstreamsStrictForm(String name) {
    assertThat(NameValidation.isEnvVarName(name))
        .containsExactly(
            "a valid environment variable name must consist of alphabetic characters, digits,"
                + " '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or"
                + " 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is"
                + " '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "..x"})
  void rejectsConfigKeysThatClimbDirectories(String key) {
    assertThat(NameValidation.isConfigMapKey(key)).anyMatch(m -> m.startsWith("must not"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a%b"})
  void rejectsPathSegmentNamesWithSlashOrPercent(String name) {
    assertThat(NameValidation.isValidPathSegmentName(name)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"25%", "0%"})
  void acceptsPercentages(String value) {
    assertThat(NameValidation.isValidPercent(value)).isEmpty();
    assertThat(NameValidation.isValidPercent(value.replace("%", "")))
        .containsExactly(
            "a valid percent string must be a numeric string followed by an ending '%' (e.g."
                + " '1%',  or '93%', regex used for validation is '[0-9]+%')");
  }
}
