package io.minik8s.apiserver.bootstrap;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.minik8s.api.ApiException;
import io.minik8s.api.defaults.Defaults;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.registry.Registry;
import io.minik8s.apiserver.registry.StorageErrors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the built-in objects if missing and keeps the kubernetes Service's endpoints pointing at
 * this server (upstream's bootstrap controller and endpoint reconciler).
 */
public final class Bootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
  static final List<String> NAMESPACES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final Registry registry;
  private final String kubernetesServiceIp;
  private final String advertiseAddress;
  private final int port;

  /**
   * @param kubernetesServiceIp the first address of the service range
   * @param advertiseAddress the IP clients reach this server at
   * @param port this server's port
   */
  public Bootstrap(Registry registry, String kubernetesServiceIp, String advertiseAddress,
      int port) {
    this.registry = registry;
    this.kubernetesServiceIp = kubernetesServiceIp;
    this.advertiseAddress = advertiseAddress;
    this.port = port;
  }

  /** Creates what is missing; completes when everything exists. */
  public CompletableFuture<Void> run() {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (String ns : NAMESPACES) {
      Namespace n = new Namespace();
      n.setMetadata(meta(ns, null));
      chain = chain.thenCompose(v -> ensure("namespaces", "", n));
    }
    chain = chain.thenCompose(v -> ensure("priorityclasses", "",
        priorityClass("system-cluster-critical", 2000000000,
            "Used for system critical pods that must run in the cluster, but can be moved to"
                + " another node if necessary.")));
    chain = chain.thenCompose(v -> ensure("priorityclasses", "",
        priorityClass("system-node-critical", 2000001000,
            "Used for system critical pods that must not be moved from their current node.")));
    return chain
        .thenCompose(v -> ensure("services", "default", kubernetesService()))
        .thenCompose(v -> reconcileEndpoints());
  }

  private CompletableFuture<Void> ensure(String resource, String namespace, HasMetadata object) {
    GenericStore store = registry.store(resource.equals("priorityclasses")
        ? "scheduling.k8s.io" : "", resource);
    Defaults.apply(object);
    // look first: re-creating would fail on the requested ClusterIP before the name clash
    return store.get(namespace, object.getMetadata().getName())
        .handle((existing, missing) -> missing == null
            ? CompletableFuture.<Void>completedFuture(null)
            : create(store, resource, namespace, object))
        .thenCompose(f -> f);
  }

  private CompletableFuture<Void> create(GenericStore store, String resource, String namespace,
      HasMetadata object) {
    return store.create(namespace, object, false).handle((created, error) -> {
      if (error != null) {
        Throwable t = StorageErrors.unwrap(error);
        if (!(t instanceof ApiException e && e.isAlreadyExists())) {
          throw new java.util.concurrent.CompletionException(t);
        }
      } else {
        LOG.info("created {} {}", resource, object.getMetadata().getName());
      }
      return null;
    });
  }

  private Service kubernetesService() {
    Service s = new Service();
    s.setMetadata(meta("kubernetes", "default"));
    s.getMetadata().setLabels(Map.of("component", "apiserver", "provider", "kubernetes"));
    ServiceSpec spec = new ServiceSpec();
    spec.setType("ClusterIP");
    spec.setClusterIP(kubernetesServiceIp);
    spec.setClusterIPs(List.of(kubernetesServiceIp));
    ServicePort p = new ServicePort();
    p.setName("https");
    p.setPort(443);
    p.setProtocol("TCP");
    p.setTargetPort(new IntOrString(port));
    spec.setPorts(List.of(p));
    spec.setSessionAffinity("None");
    s.setSpec(spec);
    return s;
  }

  /** Points default/kubernetes' Endpoints and EndpointSlice at this server (create or update). */
  public CompletableFuture<Void> reconcileEndpoints() {
    Endpoints ep = new Endpoints();
    ep.setMetadata(meta("kubernetes", "default"));
    ep.getMetadata().setLabels(Map.of("endpointslice.kubernetes.io/skip-mirror", "true"));
    EndpointAddress address = new EndpointAddress();
    address.setIp(advertiseAddress);
    EndpointPort port = new EndpointPort();
    port.setName("https");
    port.setPort(this.port);
    port.setProtocol("TCP");
    EndpointSubset subset = new EndpointSubset();
    subset.setAddresses(List.of(address));
    subset.setPorts(List.of(port));
    ep.setSubsets(List.of(subset));

    EndpointSlice slice = new EndpointSlice();
    slice.setMetadata(meta("kubernetes", "default"));
    slice.getMetadata().setLabels(Map.of("kubernetes.io/service-name", "kubernetes",
        "endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io"));
    slice.setAddressType("IPv4");
    Endpoint endpoint = new Endpoint();
    endpoint.setAddresses(List.of(advertiseAddress));
    EndpointConditions conditions = new EndpointConditions();
    conditions.setReady(true);
    endpoint.setConditions(conditions);
    slice.setEndpoints(List.of(endpoint));
    io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort slicePort =
        new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort();
    slicePort.setName("https");
    slicePort.setPort(this.port);
    slicePort.setProtocol("TCP");
    slice.setPorts(List.of(slicePort));

    return upsert(registry.store("", "endpoints"), ep)
        .thenCompose(v -> upsert(registry.store("discovery.k8s.io", "endpointslices"), slice));
  }

  private CompletableFuture<Void> upsert(GenericStore store, HasMetadata desired) {
    Defaults.apply(desired);
    String ns = desired.getMetadata().getNamespace();
    String name = desired.getMetadata().getName();
    return store.get(ns, name).handle((current, error) -> {
      if (error == null) {
        desired.getMetadata().setResourceVersion(null);
        return store.update(ns, name, desired, null, false).thenApply(o -> (Void) null);
      }
      return store.create(ns, desired, false).thenApply(o -> (Void) null);
    }).thenCompose(f -> f);
  }

  private static PriorityClass priorityClass(String name, int value, String description) {
    PriorityClass pc = new PriorityClass();
    pc.setMetadata(meta(name, null));
    pc.setValue(value);
    pc.setDescription(description);
    pc.setPreemptionPolicy("PreemptLowerPriority");
    return pc;
  }

  private static ObjectMeta meta(String name, String namespace) {
    ObjectMeta m = new ObjectMeta();
    m.setName(name);
    m.setNamespace(namespace);
    return m;
  }
}
