package io.minik8s.apiserver.endpoints.table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Upstream's duration.HumanDuration: a duration with two to three significant figures ("45s",
 * "3m20s", "25m", "5h3m", "25h", "3d4h", "45d", "2y30d"), as kubectl shows ages.
 */
public final class HumanDuration {
  /** What upstream prints for a missing timestamp. */
  public static final String UNKNOWN = "<unknown>";

  private HumanDuration() {}

  /** Formats a duration; a little negative (clock skew under 2 s) is "0s", more is invalid. */
  public static String format(Duration d) {
    // truncation toward zero, as Go's int(d.Seconds())
    long seconds = d.toMillis() / 1000;
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long days = hours / 24 % 365;
      return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
    }
    return hours / 24 / 365 + "y";
  }

  /**
   * The time since an RFC 3339 timestamp (upstream's translateTimestampSince), or {@value #UNKNOWN}
   * when it is missing or unreadable.
   */
  public static String since(String timestamp, Instant now) {
    Instant then = parse(timestamp);
    return then == null ? UNKNOWN : format(Duration.between(then, now));
  }

  /** Parses an RFC 3339 timestamp, with or without fractional seconds; null if absent or bad. */
  static Instant parse(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return null; // an unreadable time prints as unknown, as a zero time does upstream
    }
  }
}
