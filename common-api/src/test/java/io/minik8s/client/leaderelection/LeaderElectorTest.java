package io.minik8s.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.workqueue.ManualClock;
import io.minik8s.client.workqueue.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The election protocol on one manual clock: every timing is exact, nothing sleeps. */
class LeaderElectorTest {
  private static final Duration STEP = Duration.ofMillis(100);

  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemoryResourceClient<Lease> server = new InMemoryResourceClient<>(Lease.class);

  @Test
  void createsTheLeaseAndLeadsWhenThereIsNone() {
    Candidate a = candidate("a", false);

    a.elector.start();
    scheduler.runDue();

    assertThat(a.elector.isLeader()).isTrue();
    assertThat(a.elector.leader()).contains("a");
    assertThat(a.events).containsExactly("leader:a", "started");
    LeaderElectionRecord r = record();
    assertThat(r.holderIdentity()).isEqualTo("a");
    assertThat(r.leaseDurationSeconds()).isEqualTo(15);
    assertThat(r.leaseTransitions()).isZero();
    assertThat(r.acquireTime()).isEqualTo(clock.instant()).isEqualTo(r.renewTime());
  }

  @Test
  void renewsEveryRetryPeriodKeepingItsAcquireTime() {
    Candidate a = candidate("a", false);
    a.elector.start();
    scheduler.runDue();
    Instant acquired = record().acquireTime();
    String version = lease().getMetadata().getResourceVersion();

    scheduler.advance(Duration.ofSeconds(2));

    assertThat(record().renewTime()).isEqualTo(acquired.plusSeconds(2));
    assertThat(record().acquireTime()).isEqualTo(acquired);
    assertThat(lease().getMetadata().getResourceVersion()).isNotEqualTo(version);
    // the leader writes over the Lease it wrote last without reading it again
    assertThat(a.client.calls()).containsExactly("get", "create", "update");
  }

  @Test
  void aStandbyWaitsWhileTheLeaderRenews() {
    Candidate a = candidate("a", false);
    Candidate b = candidate("b", false);
    a.elector.start();
    scheduler.runDue();
    b.elector.start();

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(a.elector.isLeader()).isTrue();
    assertThat(b.elector.isLeader()).isFalse();
    assertThat(b.elector.leader()).contains("a");
    assertThat(b.events).containsExactly("leader:a");
  }

  @Test
  void aStandbyTakesOverAKilledLeadersLeaseAfterTheLeaseDurationAndCountsTheTransition() {
    Candidate a = candidate("a", false);
    Candidate b = candidate("b", false);
    a.elector.start();
    scheduler.runDue();
    b.elector.start();
    scheduler.advance(Duration.ofSeconds(10)); // a renewed last just now
    Instant killed = clock.instant();

    a.scheduler.kill();
    Instant takeover = stepUntil(() -> b.elector.isLeader(), Duration.ofMinutes(1));

    // b saw a's last renewal at most one retry period late, and retries every period
    assertThat(takeover).isAfter(killed.plusSeconds(15)).isBeforeOrEqualTo(killed.plusSeconds(19));
    assertThat(record().holderIdentity()).isEqualTo("b");
    assertThat(record().leaseTransitions()).isEqualTo(1);
    assertThat(record().acquireTime()).isEqualTo(takeover);
    assertThat(b.events).containsExactly("leader:a", "leader:b", "started");
  }

  @Test
  void aPartitionedLeaderStopsLeadingAfterTheRenewDeadlineBeforeAStandbyTakesOver() {
    Candidate a = candidate("a", false);
    Candidate b = candidate("b", false);
    a.elector.start();
    scheduler.runDue();
    b.elector.start();
    scheduler.advance(Duration.ofSeconds(4)); // a renewed last just now
    Instant lastRenewal = clock.instant();

    a.client.failWith(() -> new ConnectionException("connection refused", null));
    Instant lost = stepUntil(() -> !a.elector.isLeader(), Duration.ofMinutes(1));
    Instant takeover = stepUntil(() -> b.elector.isLeader(), Duration.ofMinutes(1));

    // the next round starts a retry period later and gives up at its renew deadline
    assertThat(lost).isEqualTo(lastRenewal.plusSeconds(2 + 10));
    assertThat(a.events).containsExactly("leader:a", "started", "stopped");
    assertThat(takeover).isAfter(lastRenewal.plusSeconds(15));
    assertThat(a.elector.whenEnded()).isCompleted();
  }

  @Test
  void neverLeadsTwiceAtOnceAcrossPartitionsAndHeals() {
    Candidate a = candidate("a", false);
    Candidate b = candidate("b", false);
    a.elector.start();
    b.elector.start();
    List<Instant> overlaps = new CopyOnWriteArrayList<>();

    for (int round = 0; round < 3; round++) {
      Candidate leader = a.elector.isLeader() ? a : b;
      leader.client.failWith(() -> new ConnectionException("connection reset", null));
      Instant end = clock.instant().plusSeconds(40);
      while (clock.instant().isBefore(end)) {
        scheduler.advance(STEP);
        if (a.elector.isLeader() && b.elector.isLeader()) {
          overlaps.add(clock.instant());
        }
      }
      leader.client.failWith(null);
    }

    assertThat(overlaps).isEmpty();
  }

  @Test
  void losesAWriteRaceOnTheResourceVersionWithoutLeading() {
    Candidate a = candidate("a", false);
    a.elector.start();
    scheduler.runDue();
    a.scheduler.kill();
    Candidate b = candidate("b", false);
    b.elector.start();
    scheduler.advance(Duration.ofSeconds(14));
    // at 16 s b finds a's lease expired; c takes it between b's read and b's write
    b.client.beforeNextUpdate(
        () ->
            server.overwrite(
                new LeaseBuilder(lease()).editSpec().withHolderIdentity("c").endSpec().build()));

    scheduler.advance(Duration.ofSeconds(2));

    assertThat(b.client.calls()).endsWith("get", "update");
    assertThat(b.elector.isLeader()).isFalse();
    assertThat(record().holderIdentity()).isEqualTo("c");
  }

  @Test
  void releasesTheLeaseOnStopWhenConfiguredSoAStandbyTakesOverAtOnce() {
    Candidate a = candidate("a", true);
    Candidate b = candidate("b", false);
    a.elector.start();
    scheduler.runDue();
    b.elector.start();
    scheduler.advance(Duration.ofSeconds(3));

    a.elector.stop();

    assertThat(record().holderIdentity()).isEmpty();
    assertThat(record().leaseDurationSeconds()).isEqualTo(1);
    assertThat(a.events).containsExactly("leader:a", "started", "stopped");
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(b.elector.isLeader()).isTrue();
    assertThat(record().leaseTransitions()).isEqualTo(1);
  }

  @Test
  void keepsTheLeaseOnStopWithoutRelease() {
    Candidate a = candidate("a", false);
    a.elector.start();
    scheduler.runDue();

    a.elector.stop();
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(a.elector.isLeader()).isFalse();
    assertThat(record().holderIdentity()).isEqualTo("a");
    assertThat(a.events).containsExactly("leader:a", "started", "stopped");
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aStandbyStoppedBeforeLeadingGetsNoStoppedCallback() {
    Candidate a = candidate("a", false);
    Candidate b = candidate("b", false);
    a.elector.start();
    scheduler.runDue();
    b.elector.start();
    scheduler.runDue();

    b.elector.stop();

    assertThat(b.events).containsExactly("leader:a");
    assertThat(b.elector.whenEnded()).isCompleted();
  }

  @Test
  void spreadsAStandbysRetriesOverTheJitter() {
    Candidate a = candidate("a", false);
    a.elector.start();
    scheduler.runDue();
    a.scheduler.kill();
    LeaderElectionConfig jittered =
        LeaderElectionConfig.defaults("kube-system", "kube-scheduler", "b").withJitterFactor(1.2);
    ManualScheduler own = new ManualScheduler(clock);
    LeaderElector b =
        new LeaderElector(
            jittered, server.newConnection(), new Recorder(), clock, own, Runnable::run);

    b.start();
    own.runDue();

    assertThat(own.pendingDelays())
        .singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(2), Duration.ofMillis(4400)));
  }

  @Test
  void reportsUnhealthyWhenItBelievesItLeadsButHasNotRenewedForTooLong() {
    Candidate a = candidate("a", false);
    a.elector.start();
    scheduler.runDue();
    assertThat(a.elector.isHealthy(Duration.ofSeconds(20))).isTrue();

    a.scheduler.kill(); // stuck: nothing renews, nothing steps down
    scheduler.advance(Duration.ofSeconds(35));
    assertThat(a.elector.isHealthy(Duration.ofSeconds(20))).isTrue();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(a.elector.isHealthy(Duration.ofSeconds(20))).isFalse();
  }

  @Test
  void givesEveryCandidateProcessItsOwnIdentityOnTheSameHost() {
    String one = LeaderElectionConfig.uniqueIdentity("node-1");
    String two = LeaderElectionConfig.uniqueIdentity("node-1");

    assertThat(one).startsWith("node-1_").isNotEqualTo(two);
  }

  @ParameterizedTest(name = "lease {0}, renew {1}, retry {2}")
  @CsvSource({"10, 10, 2", "15, 10, 9", "15, 0, 2", "0.5, 0.4, 0.1"})
  void rejectsTimingsUpstreamRejects(double lease, double renew, double retry) {
    LeaderElectionConfig base = LeaderElectionConfig.defaults("ns", "lease", "me");

    assertThatThrownBy(() -> base.withTimings(seconds(lease), seconds(renew), seconds(retry)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Instant stepUntil(java.util.function.BooleanSupplier condition, Duration max) {
    Instant end = clock.instant().plus(max);
    while (!condition.getAsBoolean()) {
      if (clock.instant().isAfter(end)) {
        throw new AssertionError("condition not reached within " + max);
      }
      scheduler.advance(STEP);
    }
    return clock.instant();
  }

  private Lease lease() {
    return server.stored().get(0);
  }

  private LeaderElectionRecord record() {
    return LeaderElectionRecord.of(lease().getSpec());
  }

  private Candidate candidate(String identity, boolean release) {
    LeaderElectionConfig config =
        LeaderElectionConfig.defaults("kube-system", "kube-scheduler", identity)
            .withJitterFactor(0)
            .withReleaseOnCancel(release);
    InMemoryResourceClient<Lease> client = server.newConnection();
    KillableScheduler own = new KillableScheduler(scheduler);
    Recorder events = new Recorder();
    return new Candidate(
        new LeaderElector(config, client, events, clock, own, Runnable::run), client, own, events);
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis((long) (s * 1000));
  }

  private record Candidate(
      LeaderElector elector,
      InMemoryResourceClient<Lease> client,
      KillableScheduler scheduler,
      Recorder events) {}

  /** Records callbacks as "started", "stopped", "leader:x". */
  static final class Recorder extends CopyOnWriteArrayList<String> implements LeaderCallbacks {
    @Override
    public void onStartedLeading() {
      add("started");
    }

    @Override
    public void onStoppedLeading() {
      add("stopped");
    }

    @Override
    public void onNewLeader(String identity) {
      add("leader:" + identity);
    }
  }
}
