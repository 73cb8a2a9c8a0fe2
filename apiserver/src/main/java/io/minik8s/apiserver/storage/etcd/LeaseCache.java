package io.minik8s.apiserver.storage.etcd;

import io.etcd.jetcd.Lease;
import io.etcd.jetcd.lease.LeaseGrantResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out etcd leases for keys with a time to live, reusing a recent lease as upstream's lease
 * manager does: a lease granted for ttl + reuse window serves every request for the same ttl during
 * that window, so a burst of Events costs one lease instead of one each. Keys then live between ttl
 * and ttl + window seconds; the window is 5% of the ttl, at most a minute.
 */
final class LeaseCache {
  private static final double REUSE_FRACTION = 0.05;
  private static final Duration MAX_REUSE = Duration.ofMinutes(1);

  private final Lease leases;
  private final Clock clock;
  private final Map<Long, Grant> byTtl = new ConcurrentHashMap<>();

  private record Grant(CompletableFuture<Long> leaseId, Instant reusableUntil) {}

  LeaseCache(Lease leases, Clock clock) {
    this.leases = leases;
    this.clock = clock;
  }

  /** A lease that lives at least {@code ttlSeconds}. */
  CompletableFuture<Long> leaseFor(long ttlSeconds) {
    Duration reuse = reuseWindow(ttlSeconds);
    if (reuse.isZero()) {
      return leases.grant(ttlSeconds).thenApply(LeaseGrantResponse::getID);
    }
    Instant now = clock.instant();
    Grant grant =
        byTtl.compute(
            ttlSeconds,
            (ttl, current) -> {
              if (current != null
                  && now.isBefore(current.reusableUntil())
                  && !current.leaseId().isCompletedExceptionally()) {
                return current;
              }
              CompletableFuture<Long> id =
                  leases.grant(ttl + reuse.toSeconds()).thenApply(LeaseGrantResponse::getID);
              return new Grant(id, now.plus(reuse));
            });
    return grant.leaseId();
  }

  static Duration reuseWindow(long ttlSeconds) {
    long seconds = (long) Math.floor(ttlSeconds * REUSE_FRACTION);
    return Duration.ofSeconds(Math.min(seconds, MAX_REUSE.toSeconds()));
  }
}
