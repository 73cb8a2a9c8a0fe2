package io.minik8s.apiserver.registry.service.allocator;

import io.etcd.jetcd.Client;
import io.minik8s.apiserver.validation.FieldError;
import java.security.SecureRandom;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Allocates Services' NodePorts from a port range (upstream's portallocator over a bitmap kept in
 * etcd at {@code <prefix>/ranges/servicenodeports}). Dynamic allocation prefers the upper part of
 * the range, leaving the lower part to ports requested explicitly. All methods are asynchronous and
 * never block; allocations are safe across API servers sharing one etcd.
 */
public final class NodePortAllocator {
  /** Upstream's default --service-node-port-range. */
  public static final String DEFAULT_RANGE = "30000-32767";

  /** The key below the etcd prefix, as upstream's. */
  public static final String KEY = "/ranges/servicenodeports";

  private final PortRange ports;
  private final RangeStore store;
  private final RandomGenerator random;

  /**
   * @param client the etcd client (not closed by this allocator)
   * @param etcdPrefix the API server's etcd prefix, e.g. "/registry"
   * @param range the port range, e.g. "30000-32767"
   */
  public NodePortAllocator(Client client, String etcdPrefix, String range) {
    this(client, etcdPrefix, range, new SecureRandom());
  }

  /** As {@link #NodePortAllocator(Client, String, String)}, with the random source given. */
  public NodePortAllocator(Client client, String etcdPrefix, String range, RandomGenerator random) {
    this.ports = PortRange.parse(range);
    this.random = random;
    this.store =
        new RangeStore(
            client.getKVClient(),
            etcdPrefix + KEY,
            ports.toString(),
            ports.size(),
            "the provided port range does not match the current port range");
  }

  /** The range in canonical form, e.g. "30000-32767". */
  public String range() {
    return ports.toString();
  }

  /** Whether the port lies in the range. */
  public boolean contains(int port) {
    return ports.contains(port);
  }

  /**
   * Takes a specific port. Fails with {@link AllocationException} NOT_IN_RANGE ("provided port is
   * not in the valid range. The range of valid ports is 30000-32767") or ALREADY_ALLOCATED
   * ("provided port is already allocated").
   *
   * @return the port taken
   */
  public CompletableFuture<Integer> allocate(int port) {
    if (!ports.contains(port)) {
      return CompletableFuture.failedFuture(
          new AllocationException(
              AllocationException.Reason.NOT_IN_RANGE,
              "provided port is not in the valid range. The range of valid ports is " + ports));
    }
    int offset = port - ports.base();
    return store.update(
        bitmap -> {
          if (!bitmap.allocate(offset)) {
            throw new AllocationException(
                AllocationException.Reason.ALREADY_ALLOCATED, "provided port is already allocated");
          }
          return new RangeStore.Outcome<>(port, true);
        });
  }

  /** Takes a free port at random; fails with FULL ("range is full") when none is left. */
  public CompletableFuture<Integer> allocateNext() {
    return store.update(
        bitmap -> {
          OptionalInt next = bitmap.next(random, ports.reservedForStatic());
          if (next.isEmpty()) {
            throw AllocationException.full();
          }
          bitmap.allocate(next.getAsInt());
          return new RangeStore.Outcome<>(ports.base() + next.getAsInt(), true);
        });
  }

  /** Gives a port back; releasing a free or out-of-range port does nothing. */
  public CompletableFuture<Void> release(int port) {
    if (!ports.contains(port)) {
      return CompletableFuture.completedFuture(null);
    }
    int offset = port - ports.base();
    return store.update(bitmap -> new RangeStore.Outcome<>(null, bitmap.release(offset)));
  }

  /** Whether the port is currently allocated, read from etcd. */
  public CompletableFuture<Boolean> isAllocated(int port) {
    if (!ports.contains(port)) {
      return CompletableFuture.completedFuture(false);
    }
    return store.read().thenApply(bitmap -> bitmap.has(port - ports.base()));
  }

  /** How many ports are free, read from etcd. */
  public CompletableFuture<Integer> free() {
    return store.read().thenApply(bitmap -> bitmap.size() - bitmap.used());
  }

  /**
   * The 422 cause upstream reports for a failed NodePort request: {@code spec.ports[0].nodePort:
   * Invalid value: 8080: provided port is not in the valid range. The range of valid ports is
   * 30000-32767}.
   *
   * @param portIndex the index of the port in spec.ports
   * @param nodePort the port requested
   */
  public static FieldError fieldError(int portIndex, int nodePort, AllocationException e) {
    return FieldError.invalid("spec.ports[" + portIndex + "].nodePort", nodePort, e.getMessage());
  }
}
