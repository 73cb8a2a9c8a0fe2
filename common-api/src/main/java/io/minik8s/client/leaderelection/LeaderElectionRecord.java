package io.minik8s.client.leaderelection;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpecBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The election state a Lease's spec holds (client-go's LeaderElectionRecord). Electors compare
 * records only for change: the times in it come from other machines' clocks and are never trusted
 * as times.
 *
 * @param holderIdentity the leader, "" when nobody holds the lease
 * @param leaseDurationSeconds how long others wait without seeing a change before taking over
 * @param acquireTime when the current holder acquired it
 * @param renewTime when the current holder last renewed it
 * @param leaseTransitions how many times the holder changed
 */
public record LeaderElectionRecord(
    String holderIdentity,
    int leaseDurationSeconds,
    Instant acquireTime,
    Instant renewTime,
    int leaseTransitions) {

  public LeaderElectionRecord {
    holderIdentity = holderIdentity == null ? "" : holderIdentity;
  }

  /** The record a Lease's spec holds; missing fields read as empty. */
  public static LeaderElectionRecord of(LeaseSpec spec) {
    if (spec == null) {
      return new LeaderElectionRecord("", 0, null, null, 0);
    }
    return new LeaderElectionRecord(
        spec.getHolderIdentity(),
        spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds(),
        instant(spec.getAcquireTime()),
        instant(spec.getRenewTime()),
        spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
  }

  /** The Lease spec holding this record. */
  public LeaseSpec toLeaseSpec() {
    return new LeaseSpecBuilder()
        .withHolderIdentity(holderIdentity)
        .withLeaseDurationSeconds(leaseDurationSeconds)
        .withAcquireTime(zoned(acquireTime))
        .withRenewTime(zoned(renewTime))
        .withLeaseTransitions(leaseTransitions)
        .build();
  }

  private static Instant instant(ZonedDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static ZonedDateTime zoned(Instant t) {
    return t == null ? null : t.atZone(ZoneOffset.UTC);
  }
}
