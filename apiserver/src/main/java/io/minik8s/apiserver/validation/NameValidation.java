package io.minik8s.apiserver.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's string-format checks (apimachinery's util/validation): each {@code is*} method returns
 * the reasons a value is malformed, in upstream's words, or an empty list when it is well formed.
 * Callers wrap each reason in a {@link FieldError#invalid} at their field path.
 */
public final class NameValidation {
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;
  public static final int LABEL_VALUE_MAX_LENGTH = 63;
  private static final int QUALIFIED_NAME_MAX_LENGTH = 63;

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";
  private static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final String PERCENT_FMT = "[0-9]+%";

  private static final Pattern DNS1123_LABEL = anchored(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = anchored(DNS1123_SUBDOMAIN_FMT);
  private static final Pattern DNS1035_LABEL = anchored(DNS1035_LABEL_FMT);
  private static final Pattern QUALIFIED_NAME = anchored(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = anchored(LABEL_VALUE_FMT);
  private static final Pattern C_IDENTIFIER = anchored(C_IDENTIFIER_FMT);
  private static final Pattern ENV_VAR_NAME = anchored(ENV_VAR_NAME_FMT);
  private static final Pattern CONFIG_MAP_KEY = anchored(CONFIG_MAP_KEY_FMT);
  private static final Pattern PERCENT = anchored(PERCENT_FMT);
  private static final Pattern PORT_NAME_CHARSET = anchored("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile("[a-z]");

  private static final String DNS1123_LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_LABEL_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";

  private NameValidation() {}

  /** A DNS (RFC 1123) label: names of containers, volumes, namespaces, ports. */
  public static List<String> isDns1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        // a valid subdomain of legal length that is no label can only have dots
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  /** A DNS (RFC 1123) subdomain: most objects' names. */
  public static List<String> isDns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** A DNS (RFC 1035) label: Services' names, which become DNS names starting with a letter. */
  public static List<String> isDns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1035_LABEL_MAX_LENGTH) {
      errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errs.add(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** A qualified name (label keys, annotation keys, finalizers): an optional DNS prefix and "/". */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        isDns1123Subdomain(prefix).forEach(msg -> errs.add("prefix part " + msg));
      }
    } else {
      errs.add(
          "a qualified name "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add(
          "name part "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** A label value: empty, or up to 63 alphanumerics with '-', '_', '.' inside. */
  public static List<String> isValidLabelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > LABEL_VALUE_MAX_LENGTH) {
      errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** A C identifier. */
  public static List<String> isCIdentifier(String value) {
    if (C_IDENTIFIER.matcher(value).matches()) {
      return List.of();
    }
    return List.of(
        regexError(
            "a valid C identifier must start with alphabetic character or '_', followed by a"
                + " string of alphanumeric characters or '_'",
            C_IDENTIFIER_FMT,
            "my_name",
            "MY_NAME",
            "MyName"));
  }

  /** An environment variable name (upstream's strict rule, before relaxed validation). */
  public static List<String> isEnvVarName(String value) {
    List<String> errs = new ArrayList<>();
    if (!ENV_VAR_NAME.matcher(value).matches()) {
      errs.add(
          regexError(
              "a valid environment variable name must consist of alphabetic characters, digits,"
                  + " '_', '-', or '.', and must not start with a digit",
              ENV_VAR_NAME_FMT,
              "my.env-name",
              "MY_ENV.NAME",
              "MyEnvName1"));
    }
    errs.addAll(hasChDirPrefix(value));
    return errs;
  }

  /** A key of a ConfigMap's or Secret's data. */
  public static List<String> isConfigMapKey(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!CONFIG_MAP_KEY.matcher(value).matches()) {
      errs.add(
          regexError(
              "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
              CONFIG_MAP_KEY_FMT,
              "key.name",
              "KEY_NAME",
              "key-name"));
    }
    errs.addAll(hasChDirPrefix(value));
    return errs;
  }

  /** A port number, 1 to 65535. */
  public static List<String> isValidPortNum(int port) {
    return isInRange(port, 1, 65535);
  }

  /** An inclusive range check. */
  public static List<String> isInRange(long value, long min, long max) {
    return value >= min && value <= max ? List.of() : List.of(inclusiveRangeError(min, max));
  }

  /** An IANA_SVC_NAME (RFC 6335): lower case, at most 15 characters, at least one letter. */
  public static List<String> isValidPortName(String port) {
    List<String> errs = new ArrayList<>();
    if (port.length() > 15) {
      errs.add(maxLenError(15));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!HAS_LETTER.matcher(port).find()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  /** A percentage such as "25%". */
  public static List<String> isValidPercent(String value) {
    if (PERCENT.matcher(value).matches()) {
      return List.of();
    }
    return List.of(
        regexError(
            "a valid percent string must be a numeric string followed by an ending '%'",
            PERCENT_FMT, "1%", "93%"));
  }

  /** Names that become path segments (every object name) may not be "." or ".." nor hold / or %. */
  public static List<String> isValidPathSegmentName(String name) {
    if (name.equals(".") || name.equals("..")) {
      return List.of("may not be '" + name + "'");
    }
    List<String> errs = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }

  /** Upstream's "must be no more than N characters". */
  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** Upstream's "must be between LO and HI, inclusive". */
  public static String inclusiveRangeError(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  /** Upstream's regex failure text, examples quoted and joined as upstream joins them. */
  public static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder s = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        s.append(" or ");
      }
      s.append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  private static List<String> hasChDirPrefix(String value) {
    if (value.equals(".")) {
      return List.of("must not be '.'");
    }
    if (value.equals("..")) {
      return List.of("must not be '..'");
    }
    if (value.startsWith("..")) {
      return List.of("must not start with '..'");
    }
    return List.of();
  }

  private static Pattern anchored(String fmt) {
    return Pattern.compile("^" + fmt + "$");
  }
}
