package io.minik8s.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.KubeClient;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.KubeClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two candidates, each with its own client, scheduler and callback thread as two processes would
 * have, electing on one Lease of a real API server. Short timings (lease 3 s, renew 2 s, retry 0.5
 * s) keep the test fast.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LeaderElectionIT {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration RENEW = Duration.ofSeconds(2);
  private static final Duration RETRY = Duration.ofMillis(500);

  static TestApiServer server;
  private final List<Candidate> candidates = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void stopCandidates() {
    candidates.forEach(Candidate::close);
  }

  @Test
  void twoCandidatesNeverBothLeadWhileLeadershipMovesBetweenThemAcrossPartitions() {
    Candidate a = candidate("moving", "a", LeaderElectionConfig.DEFAULT_JITTER_FACTOR, false);
    Candidate b = candidate("moving", "b", LeaderElectionConfig.DEFAULT_JITTER_FACTOR, false);
    AtomicInteger bothLead = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                if (a.elector.isLeader() && b.elector.isLeader()) {
                  bothLead.incrementAndGet();
                }
                samples.incrementAndGet();
                LockSupport.parkNanos(100_000);
              }
            });
    sampler.start();
    a.elector.start();
    b.elector.start();

    Candidate first = awaitOneLeader(a, b);
    Candidate second = first == a ? b : a;
    first.leases.partition(true);
    await().atMost(Duration.ofSeconds(20)).until(second.elector::isLeader);
    assertThat(first.elector.isLeader()).isFalse();
    first.leases.partition(false);
    second.leases.partition(true);
    // the first lost for good (as upstream): nobody is left to take over
    await().atMost(Duration.ofSeconds(20)).until(() -> !second.elector.isLeader());
    sampling.set(false);

    assertThat(bothLead).hasValue(0);
    assertThat(samples.get()).isGreaterThan(1000);
    await().atMost(Duration.ofSeconds(5)).until(() -> second.events.size() == 2);
    assertThat(first.events).containsExactly("started", "stopped");
    assertThat(second.events).containsExactly("started", "stopped");
    Lease lease = lease("moving");
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(second.identity);
    assertThat(lease.getSpec().getLeaseTransitions()).isEqualTo(1);
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(3);
  }

  @Test
  void theStandbyTakesOverWithinLeaseDurationPlusTwoRetryPeriodsAfterTheLeaderIsKilled()
      throws Exception {
    // no jitter: with upstream's 1.2 a standby may wait up to 2.2 retry periods between looks
    Candidate a = candidate("killed", "a", 0, false);
    Candidate b = candidate("killed", "b", 0, false);
    a.elector.start();
    await().atMost(Duration.ofSeconds(20)).until(a.elector::isLeader);
    b.elector.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> b.elector.leader().isPresent());
    // let b watch a renew for a while
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> heldFor(lease("killed")).compareTo(LEASE) > 0);

    a.scheduler.shutdownNow();
    assertThat(a.scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    long killed = System.nanoTime();
    await().atMost(Duration.ofSeconds(30)).until(b.elector::isLeader);
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

    assertThat(takeover)
        .isLessThanOrEqualTo(LEASE.plus(RETRY).plus(RETRY))
        .isGreaterThanOrEqualTo(LEASE.minus(RETRY));
    assertThat(lease("killed").getSpec().getHolderIdentity()).isEqualTo("b");
    assertThat(lease("killed").getSpec().getLeaseTransitions()).isEqualTo(1);
  }

  @Test
  void aLeaderThatReleasesOnStopHandsOverAtTheStandbysNextRetry() {
    Candidate a = candidate("released", "a", 0, true);
    Candidate b = candidate("released", "b", 0, false);
    a.elector.start();
    await().atMost(Duration.ofSeconds(20)).until(a.elector::isLeader);
    b.elector.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> b.elector.leader().isPresent());

    long stopped = System.nanoTime();
    a.elector.stop();
    await().atMost(Duration.ofSeconds(20)).until(b.elector::isLeader);

    assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(LEASE);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.events.size() == 2);
    assertThat(a.events).containsExactly("started", "stopped");
  }

  private Candidate awaitOneLeader(Candidate a, Candidate b) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> a.elector.isLeader() || b.elector.isLeader());
    return a.elector.isLeader() ? a : b;
  }

  private static Duration heldFor(Lease lease) {
    return Duration.between(lease.getSpec().getAcquireTime(), lease.getSpec().getRenewTime());
  }

  private Lease lease(String name) {
    try (KubeClient client = KubeClients.create(ClientConfig.forServer(server.url()))) {
      return client.resources(Lease.class).get("kube-system", name);
    }
  }

  private Candidate candidate(String lease, String identity, double jitter, boolean release) {
    KubeClient client =
        KubeClients.create(ClientConfig.forServer(server.url()).withRateLimits(50, 100));
    PartitionedClient<Lease> leases = new PartitionedClient<>(client.resources(Lease.class));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ExecutorService callbacks = Executors.newSingleThreadExecutor();
    List<String> events = new CopyOnWriteArrayList<>();
    LeaderElectionConfig config =
        LeaderElectionConfig.defaults("kube-system", lease, identity)
            .withTimings(LEASE, RENEW, RETRY)
            .withJitterFactor(jitter)
            .withReleaseOnCancel(release);
    LeaderCallbacks recording =
        new LeaderCallbacks() {
          @Override
          public void onStartedLeading() {
            events.add("started");
          }

          @Override
          public void onStoppedLeading() {
            events.add("stopped");
          }
        };
    Candidate c =
        new Candidate(
            identity,
            new LeaderElector(config, leases, recording, Clock.systemUTC(), scheduler, callbacks),
            leases,
            scheduler,
            callbacks,
            client,
            events);
    candidates.add(c);
    return c;
  }

  private record Candidate(
      String identity,
      LeaderElector elector,
      PartitionedClient<Lease> leases,
      ScheduledExecutorService scheduler,
      ExecutorService callbacks,
      KubeClient client,
      List<String> events) {

    void close() {
      scheduler.shutdownNow();
      callbacks.shutdownNow();
      client.close();
    }
  }
}
