package io.minik8s.apiserver.registry.service.allocator;

/**
 * Why an allocation failed. The message is upstream's error text ("provided port is already
 * allocated", ...), which the API server puts into a 422 field error ({@link
 * ClusterIpAllocator#fieldError}, {@link NodePortAllocator#fieldError}); {@link Reason#FULL} and
 * {@link Reason#RANGE_MISMATCH} are server-side problems upstream reports as 500.
 */
public final class AllocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of allocation failure. */
  public enum Reason {
    /** The requested value lies outside the configured range. */
    NOT_IN_RANGE,
    /** The requested value is taken. */
    ALREADY_ALLOCATED,
    /** No value is left. */
    FULL,
    /** etcd holds a bitmap for another range than this allocator's. */
    RANGE_MISMATCH,
    /** Concurrent writers kept winning; the caller may retry. */
    CONFLICT
  }

  private final Reason reason;

  public AllocationException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Whether the client asked for something unavailable (a 422) rather than the server failing. */
  public boolean isClientError() {
    return reason == Reason.NOT_IN_RANGE || reason == Reason.ALREADY_ALLOCATED;
  }

  static AllocationException full() {
    return new AllocationException(Reason.FULL, "range is full");
  }
}
