package io.minik8s.client.component;

import io.minik8s.client.component.HealthChecks.Endpoint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's health answers (apiserver/pkg/server/healthz) for a path and query, independent of the
 * HTTP server: "ok" when every check passes, the per-check listing with "[-]name failed: reason
 * withheld" and a 500 when one fails (the reason goes to the log only, as the endpoint is public),
 * the listing on success too with {@code ?verbose}, {@code ?exclude=name} to skip a check, and
 * {@code /<endpoint>/<check>} for a single check with its reason.
 */
final class HealthAnswers {
  private static final Logger LOG = LoggerFactory.getLogger(HealthAnswers.class);

  /** A plain-text answer. */
  record Answer(int code, String body) {}

  private final HealthChecks checks;

  HealthAnswers(HealthChecks checks) {
    this.checks = checks;
  }

  /** The answer for a request path and raw query, or empty if the path is not a health path. */
  Optional<Answer> answer(String path, String rawQuery) {
    for (Endpoint endpoint : Endpoint.values()) {
      String root = "/" + endpoint.path();
      if (path.equals(root)) {
        return Optional.of(all(endpoint, rawQuery));
      }
      if (path.startsWith(root + "/")) {
        return single(endpoint, path.substring(root.length() + 1));
      }
    }
    return Optional.empty();
  }

  private Answer all(Endpoint endpoint, String rawQuery) {
    List<String> verbose = queryValues(rawQuery, "verbose");
    Set<String> excluded = new LinkedHashSet<>(queryValues(rawQuery, "exclude"));
    StringBuilder listing = new StringBuilder();
    List<String> failed = new ArrayList<>();
    StringBuilder reasons = new StringBuilder();
    for (HealthCheck check : checks.checks(endpoint)) {
      if (excluded.remove(check.name())) {
        listing.append("[+]").append(check.name()).append(" excluded: ok\n");
        continue;
      }
      Optional<String> failure = run(check);
      if (failure.isPresent()) {
        listing.append("[-]").append(check.name()).append(" failed: reason withheld\n");
        reasons.append("[-]").append(check.name()).append(" failed: ").append(failure.get());
        reasons.append('\n');
        failed.add(check.name());
      } else {
        listing.append("[+]").append(check.name()).append(" ok\n");
      }
    }
    if (!excluded.isEmpty()) {
      listing.append("warn: some health checks cannot be excluded: no matches for ");
      listing.append(excluded.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",")));
      listing.append('\n');
    }
    if (!failed.isEmpty()) {
      LOG.info("{} check failed: {}\n{}", String.join(",", failed), endpoint.path(), reasons);
      // always verbose on failure, so that a probe's log says which check failed
      return new Answer(500, listing + endpoint.path() + " check failed\n");
    }
    if (verbose.isEmpty()) {
      return new Answer(200, "ok");
    }
    return new Answer(200, listing + endpoint.path() + " check passed\n");
  }

  private Optional<Answer> single(Endpoint endpoint, String name) {
    return checks.checks(endpoint).stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .map(
            check ->
                run(check)
                    .map(reason -> new Answer(500, "internal server error: " + reason + "\n"))
                    .orElse(new Answer(200, "ok")));
  }

  private static Optional<String> run(HealthCheck check) {
    try {
      check.check();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** The values of a query parameter; a bare {@code ?verbose} counts as one empty value. */
  static List<String> queryValues(String rawQuery, String name) {
    List<String> values = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
