package io.minik8s.apiserver.endpoints.table;

import io.minik8s.api.ResourceType;
import java.util.HashMap;
import java.util.Map;

/**
 * The printer of each resource, by API group and resource name; resources without one get
 * upstream's default Name / Created At table. Immutable.
 */
public final class Printers {
  private static final Printer DEFAULT = new DefaultPrinter();

  private final Map<String, Printer> byResource;

  private Printers(Map<String, Printer> byResource) {
    this.byResource = Map.copyOf(byResource);
  }

  /** Upstream's printers for every resource minik8s serves. */
  public static Printers builtIn() {
    Map<String, Printer> m = new HashMap<>();
    m.put(key("", "pods"), new PodPrinter());
    m.put(key("", "nodes"), new NodePrinter());
    m.put(key("", "namespaces"), CorePrinters.namespaces());
    m.put(key("", "services"), NetworkPrinters.services());
    m.put(key("", "endpoints"), NetworkPrinters.endpoints());
    m.put(key("", "events"), new EventPrinter());
    m.put(key("", "serviceaccounts"), CorePrinters.serviceAccounts());
    m.put(key("", "replicationcontrollers"), WorkloadPrinters.replicationControllers());
    m.put(key("", "configmaps"), CorePrinters.configMaps());
    m.put(key("", "secrets"), CorePrinters.secrets());
    m.put(key("apps", "deployments"), WorkloadPrinters.deployments());
    m.put(key("apps", "replicasets"), WorkloadPrinters.replicaSets());
    m.put(key("coordination.k8s.io", "leases"), CorePrinters.leases());
    m.put(key("discovery.k8s.io", "endpointslices"), NetworkPrinters.endpointSlices());
    m.put(key("policy", "poddisruptionbudgets"), CorePrinters.podDisruptionBudgets());
    m.put(key("scheduling.k8s.io", "priorityclasses"), CorePrinters.priorityClasses());
    return new Printers(m);
  }

  /** The printer of a resource, or the default table's when it has none. */
  public Printer forResource(ResourceType type) {
    return byResource.getOrDefault(key(type.group(), type.resource()), DEFAULT);
  }

  /** Whether the resource has a printer of its own (and not the default table). */
  public boolean hasPrinter(ResourceType type) {
    return byResource.containsKey(key(type.group(), type.resource()));
  }

  private static String key(String group, String resource) {
    return group + "/" + resource;
  }
}
