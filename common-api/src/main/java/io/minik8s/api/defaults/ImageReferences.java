package io.minik8s.api.defaults;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag of a container image reference, parsed with the grammar of the distribution/reference
 * library that upstream's parsers.ParseImageName uses, to pick the default pull policy.
 */
final class ImageReferences {
  /** The tag a reference without tag or digest means. */
  static final String LATEST = "latest";

  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String PATH_COMPONENT =
      ALPHANUMERIC + "(?:(?:[._]|__|[-]+)" + ALPHANUMERIC + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final String NAME =
      "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final Map<String, Integer> DIGEST_HEX_LENGTHS =
      Map.of("sha256", 64, "sha384", 96, "sha512", 128);
  private static final int MAX_NAME_LENGTH = 255;
  // longer than any valid reference: a bound that keeps the regex cheap on hostile input
  private static final int MAX_REFERENCE_LENGTH = 1024;

  private ImageReferences() {}

  /**
   * The reference's tag: "latest" when it names neither tag nor digest, "" when it has only a
   * digest or does not parse (upstream ignores the parse error and so picks IfNotPresent).
   */
  static String tag(String image) {
    if (image == null
        || image.length() > MAX_REFERENCE_LENGTH
        || IDENTIFIER.matcher(image).matches()) {
      return "";
    }
    Matcher m = REFERENCE.matcher(image);
    if (!m.matches() || m.group(1).length() > MAX_NAME_LENGTH) {
      return "";
    }
    String tag = m.group(2);
    String digest = m.group(3);
    if (digest != null && !validDigest(digest)) {
      return "";
    }
    if (tag == null) {
      return digest == null ? LATEST : "";
    }
    return tag;
  }

  private static boolean validDigest(String digest) {
    int colon = digest.indexOf(':');
    Integer length = DIGEST_HEX_LENGTHS.get(digest.substring(0, colon));
    String hex = digest.substring(colon + 1);
    return length != null && hex.length() == length && hex.matches("[a-f0-9]+");
  }

  /** Upstream's default pull policy: Always for ":latest" (or no tag), else IfNotPresent. */
  static String defaultPullPolicy(String image) {
    return LATEST.equals(tag(image)) ? "Always" : "IfNotPresent";
  }
}
