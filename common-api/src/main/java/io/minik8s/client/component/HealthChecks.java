package io.minik8s.client.component;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checks behind each health endpoint, as upstream's generic server keeps them: {@link
 * #addHealthChecks} adds to all three, {@link #addLivezChecks} and {@link #addReadyzChecks} to one.
 * Every endpoint starts with {@link HealthCheck#PING}. Thread-safe; checks may be added while the
 * server runs (a component adds its informer-sync check once its informers exist).
 */
public final class HealthChecks {

  /** The three endpoints, by path. */
  public enum Endpoint {
    HEALTHZ("healthz"),
    LIVEZ("livez"),
    READYZ("readyz");

    private final String path;

    Endpoint(String path) {
      this.path = path;
    }

    /** The path segment, e.g. "readyz". */
    public String path() {
      return path;
    }
  }

  private final Map<Endpoint, List<HealthCheck>> checks = new EnumMap<>(Endpoint.class);

  public HealthChecks() {
    for (Endpoint endpoint : Endpoint.values()) {
      checks.put(endpoint, new CopyOnWriteArrayList<>(List.of(HealthCheck.PING)));
    }
  }

  /** Adds checks to /healthz, /livez and /readyz. */
  public void addHealthChecks(HealthCheck... added) {
    add(List.of(Endpoint.values()), added);
  }

  /** Adds checks to /livez only: failing them means "restart me". */
  public void addLivezChecks(HealthCheck... added) {
    add(List.of(Endpoint.LIVEZ), added);
  }

  /** Adds checks to /readyz only: failing them means "do not send me work yet". */
  public void addReadyzChecks(HealthCheck... added) {
    add(List.of(Endpoint.READYZ), added);
  }

  /** The checks of one endpoint, in the order they were added. */
  public List<HealthCheck> checks(Endpoint endpoint) {
    return List.copyOf(checks.get(endpoint));
  }

  /** Adds all or, when a name is taken, none. */
  private synchronized void add(List<Endpoint> endpoints, HealthCheck... added) {
    for (Endpoint endpoint : endpoints) {
      Set<String> names = new HashSet<>();
      checks.get(endpoint).forEach(c -> names.add(c.name()));
      for (HealthCheck check : added) {
        // upstream refuses duplicate names too: the per-check path would be ambiguous
        if (!names.add(check.name())) {
          throw new IllegalArgumentException(
              "duplicate " + endpoint.path() + " check \"" + check.name() + "\"");
        }
      }
    }
    for (Endpoint endpoint : endpoints) {
      checks.get(endpoint).addAll(List.of(added));
    }
  }
}
