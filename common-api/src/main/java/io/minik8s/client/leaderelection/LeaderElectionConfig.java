package io.minik8s.client.leaderelection;

import java.time.Duration;
import java.util.UUID;

/**
 * What to elect on and how fast (client-go's LeaderElectionConfig and the components'
 * --leader-elect-* flags).
 *
 * @param namespace the Lease's namespace, e.g. "kube-system"
 * @param name the Lease's name, e.g. "kube-scheduler"
 * @param identity this candidate, unique among them (upstream: hostname + "_" + a UUID)
 * @param leaseDuration how long a standby waits without seeing the lease change before taking it
 *     over, measured on its own clock from when it saw the last change (default 15 s)
 * @param renewDeadline how long the leader keeps retrying a failed renewal before it stops leading
 *     (default 10 s)
 * @param retryPeriod the wait between attempts (default 2 s)
 * @param jitterFactor a standby's wait between attempts is {@code retryPeriod * (1 + random *
 *     jitterFactor)}, so that standbys do not all try at once (upstream: 1.2)
 * @param releaseOnCancel whether a clean stop gives the lease up, so that a standby takes over at
 *     once instead of after the lease duration; only safe when the work has stopped first
 */
public record LeaderElectionConfig(
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    double jitterFactor,
    boolean releaseOnCancel) {

  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);
  public static final double DEFAULT_JITTER_FACTOR = 1.2;

  /** Checks upstream's constraints (NewLeaderElector). */
  public LeaderElectionConfig {
    requireText(namespace, "namespace");
    requireText(name, "name");
    requireText(identity, "identity");
    requirePositive(leaseDuration, "leaseDuration");
    requirePositive(renewDeadline, "renewDeadline");
    requirePositive(retryPeriod, "retryPeriod");
    if (jitterFactor < 0) {
      throw new IllegalArgumentException("jitterFactor must not be negative");
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException("leaseDuration must be greater than renewDeadline");
    }
    if (renewDeadline.toNanos() <= DEFAULT_JITTER_FACTOR * retryPeriod.toNanos()) {
      throw new IllegalArgumentException("renewDeadline must be greater than retryPeriod*1.2");
    }
    if (leaseDuration.toSeconds() < 1) {
      // the Lease stores whole seconds
      throw new IllegalArgumentException("leaseDuration must be at least one second");
    }
  }

  /** Upstream's defaults: 15 s lease, 10 s renew deadline, 2 s retry period, no release. */
  public static LeaderElectionConfig defaults(String namespace, String name, String identity) {
    return new LeaderElectionConfig(
        namespace,
        name,
        identity,
        DEFAULT_LEASE_DURATION,
        DEFAULT_RENEW_DEADLINE,
        DEFAULT_RETRY_PERIOD,
        DEFAULT_JITTER_FACTOR,
        false);
  }

  /**
   * Upstream's candidate identity, {@code <hostname>_<random UUID>}: unique even for two copies on
   * one host, and different after a restart (a restarted process is a new candidate).
   */
  public static String uniqueIdentity(String hostname) {
    return hostname + "_" + UUID.randomUUID();
  }

  public LeaderElectionConfig withTimings(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new LeaderElectionConfig(
        namespace,
        name,
        identity,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        jitterFactor,
        releaseOnCancel);
  }

  public LeaderElectionConfig withJitterFactor(double factor) {
    return new LeaderElectionConfig(
        namespace,
        name,
        identity,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        factor,
        releaseOnCancel);
  }

  public LeaderElectionConfig withReleaseOnCancel(boolean release) {
    return new LeaderElectionConfig(
        namespace,
        name,
        identity,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        jitterFactor,
        release);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be greater than zero");
    }
  }
}
