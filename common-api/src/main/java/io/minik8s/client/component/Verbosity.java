package io.minik8s.client.component;

import org.slf4j.event.Level;

/**
 * klog's {@code -v} levels mapped onto SLF4J levels, following upstream's logging conventions:
 * V(0)-V(3) are what an operator wants to see (INFO), V(4)-V(5) are debug detail (DEBUG), V(6) and
 * up show requests and their contents (TRACE).
 */
public final class Verbosity {
  private Verbosity() {}

  /** The level of minik8s' own loggers for a {@code -v} value. */
  public static Level level(int verbosity) {
    if (verbosity < 0 || verbosity > 10) {
      throw new IllegalArgumentException("verbosity must be between 0 and 10, got " + verbosity);
    }
    if (verbosity <= 3) {
      return Level.INFO;
    }
    return verbosity <= 5 ? Level.DEBUG : Level.TRACE;
  }

  /**
   * The level of third-party loggers (Netty, Jackson, the JDK's HTTP client): they stay at INFO
   * until {@code -v=9}, where upstream shows full request and response contents.
   */
  public static Level libraryLevel(int verbosity) {
    return verbosity >= 9 ? Level.DEBUG : Level.INFO;
  }
}
