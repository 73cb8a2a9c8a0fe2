package io.minik8s.apiserver.registry.service;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.registry.Invalids;
import io.minik8s.apiserver.registry.ResourceStrategy;
import io.minik8s.apiserver.registry.StorageErrors;
import io.minik8s.apiserver.registry.service.allocator.AllocationException;
import io.minik8s.apiserver.registry.service.allocator.ClusterIpAllocator;
import io.minik8s.apiserver.registry.service.allocator.NodePortAllocator;
import io.minik8s.apiserver.validation.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's service strategy and REST allocation: a ClusterIP from the service range (unless
 * headless or ExternalName) and a NodePort per port for NodePort and LoadBalancer Services, all
 * persisted by the allocators; allocated values carry over when an update omits them; everything
 * is released when the Service goes.
 */
public final class ServiceStrategy implements ResourceStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceStrategy.class);

  private final ResourceType type;
  private final ClusterIpAllocator ips;
  private final NodePortAllocator ports;

  public ServiceStrategy(ResourceType type, ClusterIpAllocator ips, NodePortAllocator ports) {
    this.type = type;
    this.ips = ips;
    this.ports = ports;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public boolean returnDeletedObject() {
    return true;
  }

  @Override
  public CompletableFuture<HasMetadata> beforeCreate(HasMetadata object, boolean dryRun) {
    Service service = (Service) object;
    Allocation allocation = new Allocation();
    return allocation.settle(allocateIp(service, allocation, dryRun)
        .thenCompose(v -> allocatePorts(service, null, allocation, dryRun)), object, dryRun);
  }

  @Override
  public void createFailed(HasMetadata object) {
    release((Service) object, Set.of());
  }

  @Override
  public CompletableFuture<HasMetadata> beforeUpdate(
      HasMetadata object, HasMetadata old, boolean dryRun) {
    Service service = (Service) object;
    Service previous = (Service) old;
    ServiceSpec spec = spec(service);
    ServiceSpec oldSpec = spec(previous);
    // upstream's patchAllocatedValues: what the client left out keeps its allocated value
    if (isEmpty(spec.getClusterIP()) && !"ExternalName".equals(spec.getType())) {
      spec.setClusterIP(oldSpec.getClusterIP());
      spec.setClusterIPs(oldSpec.getClusterIPs());
    }
    if (needsNodePorts(spec) && spec.getPorts() != null && oldSpec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getNodePort() == null || p.getNodePort() == 0) {
          oldSpec.getPorts().stream()
              .filter(o -> o.getNodePort() != null && o.getNodePort() > 0)
              .filter(o -> o.getPort().equals(p.getPort())
                  || (o.getName() != null && o.getName().equals(p.getName())))
              .findFirst()
              .ifPresent(o -> p.setNodePort(o.getNodePort()));
        }
      }
    }
    Allocation allocation = new Allocation();
    boolean hadNoIp = isEmpty(oldSpec.getClusterIP()) || "None".equals(oldSpec.getClusterIP());
    CompletableFuture<Void> ip = hadNoIp
        ? allocateIp(service, allocation, dryRun) : CompletableFuture.completedFuture(null);
    return allocation.settle(
        ip.thenCompose(v -> allocatePorts(service, previous, allocation, dryRun)), object, dryRun);
  }

  @Override
  public void afterUpdate(HasMetadata stored, HasMetadata old) {
    Set<Integer> kept = nodePorts((Service) stored);
    Service previous = (Service) old;
    for (int port : nodePorts(previous)) {
      if (!kept.contains(port)) {
        ports.release(port);
      }
    }
  }

  @Override
  public void afterDelete(HasMetadata deleted) {
    release((Service) deleted, Set.of());
  }

  private void release(Service service, Set<Integer> keep) {
    String ip = spec(service).getClusterIP();
    if (!isEmpty(ip) && !"None".equals(ip)) {
      ips.release(ip).exceptionally(e -> {
        LOG.warn("could not release ClusterIP {}", ip, e);
        return null;
      });
    }
    for (int port : nodePorts(service)) {
      if (!keep.contains(port)) {
        ports.release(port);
      }
    }
  }

  private CompletableFuture<Void> allocateIp(Service service, Allocation allocation,
      boolean dryRun) {
    ServiceSpec spec = spec(service);
    if ("ExternalName".equals(spec.getType()) || "None".equals(spec.getClusterIP())) {
      if ("None".equals(spec.getClusterIP())) {
        spec.setClusterIPs(List.of("None"));
        spec.setIpFamilyPolicy("SingleStack");
        spec.setIpFamilies(List.of("IPv4"));
      }
      return CompletableFuture.completedFuture(null);
    }
    String requested = spec.getClusterIP();
    CompletableFuture<String> ip = isEmpty(requested) ? ips.allocateNext() : ips.allocate(requested);
    return ip.handle((address, error) -> {
      if (error != null) {
        throw allocationFailure(service, error, e -> ClusterIpAllocator.fieldError(
            spec.getClusterIPs() == null ? List.of(requested) : spec.getClusterIPs(),
            requested, e));
      }
      allocation.ip = address;
      spec.setClusterIP(address);
      spec.setClusterIPs(List.of(address));
      spec.setIpFamilies(List.of("IPv4"));
      spec.setIpFamilyPolicy("SingleStack");
      return null;
    });
  }

  private CompletableFuture<Void> allocatePorts(Service service, Service old,
      Allocation allocation, boolean dryRun) {
    ServiceSpec spec = spec(service);
    if (!needsNodePorts(spec) || spec.getPorts() == null) {
      return CompletableFuture.completedFuture(null);
    }
    Set<Integer> owned = old == null ? Set.of() : nodePorts(old);
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    List<ServicePort> list = spec.getPorts();
    for (int i = 0; i < list.size(); i++) {
      ServicePort p = list.get(i);
      int index = i;
      Integer requested = p.getNodePort();
      if (requested != null && requested > 0 && owned.contains(requested)) {
        continue;
      }
      chain = chain.thenCompose(v -> (requested == null || requested == 0
              ? ports.allocateNext() : ports.allocate(requested))
          .handle((port, error) -> {
            if (error != null) {
              throw allocationFailure(service, error, e -> NodePortAllocator.fieldError(
                  index, requested == null ? 0 : requested, e));
            }
            allocation.ports.add(port);
            p.setNodePort(port);
            return null;
          }));
    }
    return chain;
  }

  /** A client error (out of range, taken) becomes a 422; anything else passes through. */
  private RuntimeException allocationFailure(Service service, Throwable error,
      java.util.function.Function<AllocationException, FieldError> toField) {
    Throwable t = StorageErrors.unwrap(error);
    if (t instanceof AllocationException e && e.isClientError()) {
      return Invalids.of(type, service.getMetadata().getName(), List.of(toField.apply(e)));
    }
    return t instanceof RuntimeException re ? re : new CompletionException(t);
  }

  private static boolean needsNodePorts(ServiceSpec spec) {
    return "NodePort".equals(spec.getType()) || "LoadBalancer".equals(spec.getType());
  }

  private static Set<Integer> nodePorts(Service service) {
    Set<Integer> result = new HashSet<>();
    ServiceSpec spec = spec(service);
    if (spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getNodePort() != null && p.getNodePort() > 0) {
          result.add(p.getNodePort());
        }
      }
    }
    return result;
  }

  private static ServiceSpec spec(Service service) {
    if (service.getSpec() == null) {
      service.setSpec(new ServiceSpec());
    }
    return service.getSpec();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  /** What one request allocated, so that a failure gives it all back. */
  private final class Allocation {
    String ip;
    final List<Integer> ports = new ArrayList<>();

    /**
     * Completes with the object once allocation is done; gives everything back when it failed
     * or when nothing is stored (dry run).
     */
    CompletableFuture<HasMetadata> settle(CompletableFuture<Void> allocating, HasMetadata object,
        boolean dryRun) {
      return allocating.handle((v, error) -> {
        if (error != null || dryRun) {
          releaseAll();
        }
        if (error != null) {
          throw new CompletionException(StorageErrors.unwrap(error));
        }
        return object;
      });
    }

    void releaseAll() {
      if (ip != null) {
        ips.release(ip);
      }
      ports.forEach(ServiceStrategy.this.ports::release);
    }
  }
}
