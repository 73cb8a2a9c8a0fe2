package io.minik8s.client.component;

import java.util.Objects;

/**
 * One named check behind {@code /healthz}, {@code /livez} or {@code /readyz} (upstream's
 * healthz.HealthChecker). A check passes by returning and fails by throwing; the exception's
 * message is logged and served only on the check's own path ({@code /readyz/<name>}), never in the
 * aggregate answer. Checks run on the health server's threads on every request, so they must be
 * cheap and must not block.
 */
public interface HealthCheck {

  /** The name in "[+]name ok" lines and in the check's own path; no slashes. */
  String name();

  /** Returns if healthy, throws (with a reason) if not. */
  void check() throws Exception;

  /** The check every endpoint has: the server answers, so it passes. */
  HealthCheck PING = of("ping", () -> {});

  /** A check from a name and a body. */
  static HealthCheck of(String name, Body body) {
    Objects.requireNonNull(body, "body");
    if (name == null || name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("invalid health check name \"" + name + "\"");
    }
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void check() throws Exception {
        body.check();
      }

      @Override
      public String toString() {
        return "HealthCheck[" + name + "]";
      }
    };
  }

  /** The body of a check made by {@link #of}. */
  @FunctionalInterface
  interface Body {
    void check() throws Exception;
  }
}
