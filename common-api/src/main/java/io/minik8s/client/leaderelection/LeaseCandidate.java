package io.minik8s.client.leaderelection;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.minik8s.client.ResourceClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One candidate's view of the election and its single moves (client-go's tryAcquireOrRenew and
 * release): what record it last observed and when, by its own clock. Not thread-safe: the {@link
 * LeaderElector} calls it from one step at a time; the observed record is readable from any thread.
 */
final class LeaseCandidate {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseCandidate.class);

  private final LeaderElectionConfig config;
  private final LeaseLock lock;
  private final Clock clock;
  private volatile LeaderElectionRecord observedRecord;
  private volatile Instant observedTime;

  LeaseCandidate(LeaderElectionConfig config, ResourceClient<Lease> leases, Clock clock) {
    this.config = config;
    this.lock = new LeaseLock(leases, config.namespace(), config.name());
    this.clock = clock;
  }

  /** One attempt to acquire or renew; true if this candidate holds the lease afterwards. */
  boolean tryAcquireOrRenew() {
    Instant now = now();
    LeaderElectionRecord desired =
        new LeaderElectionRecord(config.identity(), leaseSeconds(), now, now, 0);

    // fast path: the leader assumes the record it wrote last is still the current one
    if (holdsLease() && observedTime.plus(config.leaseDuration()).isAfter(now)) {
      LeaderElectionRecord renewal = renewalOf(desired, observedRecord);
      try {
        lock.update(renewal);
        setObserved(renewal);
        return true;
      } catch (RuntimeException e) {
        LOG.warn(
            "Failed to update lease {} optimistically, falling back to a read: {}",
            describe(),
            e.toString());
      }
    }

    Optional<LeaderElectionRecord> current;
    try {
      current = lock.get();
    } catch (RuntimeException e) {
      LOG.warn("Error retrieving lease {}: {}", describe(), e.toString());
      return false;
    }
    if (current.isEmpty()) {
      try {
        lock.create(desired);
      } catch (RuntimeException e) {
        LOG.warn("Error initially creating lease {}: {}", describe(), e.toString());
        return false;
      }
      setObserved(desired);
      return true;
    }

    LeaderElectionRecord old = current.get();
    if (!old.equals(observedRecord)) {
      setObserved(old);
    }
    // the holder's own duration counts, from when this candidate saw the record change
    Instant expiry = observedTime.plusSeconds(old.leaseDurationSeconds());
    if (!old.holderIdentity().isEmpty() && expiry.isAfter(now) && !holdsLease()) {
      LOG.debug("Lease {} is held by {} and has not yet expired", describe(), old.holderIdentity());
      return false;
    }
    LeaderElectionRecord update =
        holdsLease()
            ? renewalOf(desired, old)
            : new LeaderElectionRecord(
                config.identity(), leaseSeconds(), now, now, old.leaseTransitions() + 1);
    try {
      lock.update(update);
    } catch (RuntimeException e) {
      LOG.warn("Failed to update lease {}: {}", describe(), e.toString());
      return false;
    }
    setObserved(update);
    return true;
  }

  /** Gives the lease up (empty holder, 1 s duration, as upstream) if this candidate holds it. */
  void release() {
    if (!holdsLease()) {
      return;
    }
    Instant now = now();
    LeaderElectionRecord released =
        new LeaderElectionRecord("", 1, now, now, observedRecord.leaseTransitions());
    try {
      lock.update(released);
      setObserved(released);
      LOG.info("Released lease {}", describe());
    } catch (RuntimeException e) {
      LOG.warn("Failed to release lease {}: {}", describe(), e.toString());
    }
  }

  /** Whether the record last observed names this candidate (client-go's IsLeader). */
  boolean holdsLease() {
    LeaderElectionRecord r = observedRecord;
    return r != null && r.holderIdentity().equals(config.identity());
  }

  /** The holder last observed, "" if none. */
  String observedHolder() {
    LeaderElectionRecord r = observedRecord;
    return r == null ? "" : r.holderIdentity();
  }

  /** When this candidate last saw the record change (or wrote it); null before the first look. */
  Instant observedTime() {
    return observedTime;
  }

  String describe() {
    return lock.describe();
  }

  private LeaderElectionRecord renewalOf(LeaderElectionRecord desired, LeaderElectionRecord held) {
    return new LeaderElectionRecord(
        desired.holderIdentity(),
        desired.leaseDurationSeconds(),
        held.acquireTime(),
        desired.renewTime(),
        held.leaseTransitions());
  }

  private void setObserved(LeaderElectionRecord record) {
    observedRecord = record;
    observedTime = clock.instant();
  }

  /** Lease times are MicroTime: keep microseconds so that a written record reads back equal. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private int leaseSeconds() {
    return (int) config.leaseDuration().toSeconds();
  }
}
