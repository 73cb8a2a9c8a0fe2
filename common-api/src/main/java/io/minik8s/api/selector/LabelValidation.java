package io.minik8s.api.selector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's label key and value rules (k8s.io/apimachinery/pkg/util/validation IsQualifiedName and
 * IsValidLabelValue), returning upstream's messages; an empty list means valid.
 */
public final class LabelValidation {
  private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String VALUE_FMT = "(" + NAME_FMT + ")?";
  private static final String VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN_FMT = DNS_LABEL_FMT + "(\\." + DNS_LABEL_FMT + ")*";
  private static final String SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final Pattern NAME = Pattern.compile(NAME_FMT);
  private static final Pattern VALUE = Pattern.compile(VALUE_FMT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
  private static final int MAX_NAME_LENGTH = 63;
  private static final int MAX_SUBDOMAIN_LENGTH = 253;

  private LabelValidation() {}

  /** Problems with a label key: an optional DNS subdomain prefix and '/', then a name. */
  public static List<String> labelKeyErrors(String key) {
    List<String> errors = new ArrayList<>();
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      errors.add(
          "a qualified name "
              + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        subdomainErrors(prefix).forEach(e -> errors.add("prefix part " + e));
      }
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (byteLength(name) > MAX_NAME_LENGTH) {
      errors.add("name part " + maxLengthError(MAX_NAME_LENGTH));
    }
    if (!NAME.matcher(name).matches()) {
      errors.add("name part " + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  /** Problems with a label value: empty, or at most 63 name characters. */
  public static List<String> labelValueErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > MAX_NAME_LENGTH) {
      errors.add(maxLengthError(MAX_NAME_LENGTH));
    }
    if (!VALUE.matcher(value).matches()) {
      errors.add(regexError(VALUE_MSG, VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errors;
  }

  /** Problems with a lowercase RFC 1123 subdomain such as "example.com". */
  public static List<String> subdomainErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > MAX_SUBDOMAIN_LENGTH) {
      errors.add(maxLengthError(MAX_SUBDOMAIN_LENGTH));
    }
    if (!SUBDOMAIN.matcher(value).matches()) {
      errors.add(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com"));
    }
    return errors;
  }

  private static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String maxLengthError(int length) {
    return "must be no more than " + length + " characters";
  }

  private static String regexError(String message, String regex, String... examples) {
    StringBuilder sb = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      // upstream's wording, double space included: "'MyName',  or 'my.name', "
      sb.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(regex).append("')").toString();
  }
}
