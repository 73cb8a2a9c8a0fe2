package io.minik8s.apiserver.registry;

import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.registry.namespace.NamespaceStrategy;
import io.minik8s.apiserver.registry.pod.PodStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The strategy of every served resource. */
public final class Strategies {
  /** Kinds whose metadata.generation upstream tracks. */
  private static final Set<String> GENERATION = Set.of(
      "deployments", "replicasets", "replicationcontrollers", "poddisruptionbudgets");
  /** Kinds a PUT may create (upstream's AllowCreateOnUpdate). */
  private static final Set<String> CREATE_ON_UPDATE = Set.of("endpoints", "events", "leases");
  /** Kinds whose status the creator sets (nodes register with their status). */
  private static final Set<String> KEEP_STATUS = Set.of("nodes");

  private Strategies() {}

  /**
   * @param services the Service strategy (it needs the IP and port allocators)
   * @param eventTtlSeconds the lifetime of Events
   */
  public static Map<ResourceType, ResourceStrategy> all(
      ResourceRegistry types, ResourceStrategy services, long eventTtlSeconds) {
    Map<ResourceType, ResourceStrategy> strategies = new LinkedHashMap<>();
    for (ResourceType t : types.all()) {
      if (t.listType() == null) {
        continue; // create-only resources (bindings) have no store
      }
      ResourceStrategy s = switch (t.resource()) {
        case "pods" -> new PodStrategy(t);
        case "namespaces" -> new NamespaceStrategy(t);
        case "services" -> services;
        default -> new DefaultStrategy(t, GENERATION.contains(t.resource()),
            CREATE_ON_UPDATE.contains(t.resource()), KEEP_STATUS.contains(t.resource()),
            t.resource().equals("events") ? eventTtlSeconds : 0);
      };
      strategies.put(t, s);
    }
    return strategies;
  }
}
