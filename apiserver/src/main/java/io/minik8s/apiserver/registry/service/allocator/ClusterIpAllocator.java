package io.minik8s.apiserver.registry.service.allocator;

import io.etcd.jetcd.Client;
import io.minik8s.apiserver.validation.FieldError;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Allocates Services' ClusterIPs from an IPv4 range (upstream's ipallocator over a bitmap kept in
 * etcd at {@code <prefix>/ranges/serviceips}). The network and broadcast addresses are never handed
 * out; dynamic allocation prefers the upper part of the range so that the lower part stays free for
 * IPs requested explicitly, such as {@link #firstAddress()} for the kubernetes Service. All methods
 * are asynchronous and never block; allocations are safe across API servers sharing one etcd.
 */
public final class ClusterIpAllocator {
  /** kubeadm's default service range. */
  public static final String DEFAULT_RANGE = "10.96.0.0/12";

  /** The key below the etcd prefix, as upstream's. */
  public static final String KEY = "/ranges/serviceips";

  private final Ipv4Cidr cidr;
  private final RangeStore store;
  private final RandomGenerator random;

  /**
   * @param client the etcd client (not closed by this allocator)
   * @param etcdPrefix the API server's etcd prefix, e.g. "/registry"
   * @param cidr the service range, e.g. "10.96.0.0/12"
   */
  public ClusterIpAllocator(Client client, String etcdPrefix, String cidr) {
    this(client, etcdPrefix, cidr, new SecureRandom());
  }

  /** As {@link #ClusterIpAllocator(Client, String, String)}, with the random source given. */
  public ClusterIpAllocator(Client client, String etcdPrefix, String cidr, RandomGenerator random) {
    this.cidr = Ipv4Cidr.parse(cidr);
    this.random = random;
    this.store =
        new RangeStore(
            client.getKVClient(),
            etcdPrefix + KEY,
            this.cidr.toString(),
            this.cidr.usableSize(),
            "the provided network does not match the current range");
  }

  /** The range in canonical form, e.g. "10.96.0.0/12". */
  public String range() {
    return cidr.toString();
  }

  /** The first allocatable address (network + 1), which upstream gives to default/kubernetes. */
  public String firstAddress() {
    return cidr.addressAt(0);
  }

  /** Whether the address is one this allocator could hand out. */
  public boolean contains(String ip) {
    return cidr.offsetOf(ip).isPresent();
  }

  /**
   * Takes a specific address. Fails with {@link AllocationException} NOT_IN_RANGE ("provided IP is
   * not in the valid range. The range of valid IPs is 10.96.0.0/12") or ALREADY_ALLOCATED
   * ("provided IP is already allocated").
   *
   * @return the address taken
   */
  public CompletableFuture<String> allocate(String ip) {
    OptionalInt offset = cidr.offsetOf(ip);
    if (offset.isEmpty()) {
      return CompletableFuture.failedFuture(notInRange());
    }
    return store.update(
        bitmap -> {
          if (!bitmap.allocate(offset.getAsInt())) {
            throw new AllocationException(
                AllocationException.Reason.ALREADY_ALLOCATED, "provided IP is already allocated");
          }
          return new RangeStore.Outcome<>(ip, true);
        });
  }

  /** Takes a free address at random; fails with FULL ("range is full") when none is left. */
  public CompletableFuture<String> allocateNext() {
    return store.update(
        bitmap -> {
          OptionalInt next = bitmap.next(random, cidr.reservedForStatic());
          if (next.isEmpty()) {
            throw AllocationException.full();
          }
          bitmap.allocate(next.getAsInt());
          return new RangeStore.Outcome<>(cidr.addressAt(next.getAsInt()), true);
        });
  }

  /** Gives an address back; releasing a free or out-of-range address does nothing. */
  public CompletableFuture<Void> release(String ip) {
    OptionalInt offset = cidr.offsetOf(ip);
    if (offset.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return store.update(
        bitmap -> new RangeStore.Outcome<>(null, bitmap.release(offset.getAsInt())));
  }

  /** Whether the address is currently allocated, read from etcd. */
  public CompletableFuture<Boolean> isAllocated(String ip) {
    OptionalInt offset = cidr.offsetOf(ip);
    if (offset.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    return store.read().thenApply(bitmap -> bitmap.has(offset.getAsInt()));
  }

  /** How many addresses are free, read from etcd. */
  public CompletableFuture<Integer> free() {
    return store.read().thenApply(bitmap -> bitmap.size() - bitmap.used());
  }

  /**
   * The 422 cause upstream reports for a failed ClusterIP request: {@code spec.clusterIPs: Invalid
   * value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: provided IP is not in the valid
   * range. The range of valid IPs is 10.96.0.0/12}.
   *
   * @param clusterIps the Service's spec.clusterIPs as requested
   * @param ip the address that could not be allocated
   */
  public static FieldError fieldError(List<String> clusterIps, String ip, AllocationException e) {
    return FieldError.invalid(
        "spec.clusterIPs", clusterIps, "failed to allocate IP " + ip + ": " + e.getMessage());
  }

  private AllocationException notInRange() {
    return new AllocationException(
        AllocationException.Reason.NOT_IN_RANGE,
        "provided IP is not in the valid range. The range of valid IPs is " + cidr);
  }
}
