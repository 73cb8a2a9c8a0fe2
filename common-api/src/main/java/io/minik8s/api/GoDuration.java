package io.minik8s.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Go's syntax, as upstream flags take them: "300ms", "5s", "40s", "5m0s", "1h30m",
 * "1.5h". A bare "0" is zero.
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  public static Duration parse(String text) {
    String s = text.trim();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    Matcher m = PART.matcher(s);
    int end = 0;
    double nanos = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      double value = Double.parseDouble(m.group(1));
      nanos += value * switch (m.group(2)) {
        case "ns" -> 1d;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      end = m.end();
    }
    if (end != s.length() || end == 0) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
    Duration d = Duration.ofNanos(Math.round(nanos));
    return negative ? d.negated() : d;
  }

  /** Go's String form: "5m0s", "40s", "1h0m0s", "300ms". */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long totalMillis = d.toMillis();
    if (totalMillis < 1000) {
      return totalMillis + "ms";
    }
    long h = d.toHours();
    long m = d.toMinutesPart();
    double s = d.toSecondsPart() + d.toMillisPart() / 1000.0;
    String secs = s == Math.floor(s) ? String.valueOf((long) s) : String.valueOf(s);
    if (h > 0) {
      return h + "h" + m + "m" + secs + "s";
    }
    if (m > 0) {
      return m + "m" + secs + "s";
    }
    return secs + "s";
  }
}
