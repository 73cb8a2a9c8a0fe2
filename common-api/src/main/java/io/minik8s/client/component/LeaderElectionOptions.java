package io.minik8s.client.component;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * kube-scheduler's and kube-controller-manager's leader election flags, as a Picocli mixin with
 * upstream's names and defaults (a Lease in kube-system named after the component, 15 s lease, 10 s
 * renew deadline, 2 s retry period). The election itself is {@code
 * io.minik8s.client.leaderelection}'s; these only carry its configuration.
 */
public final class LeaderElectionOptions {

  @Option(
      names = "--leader-elect",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "true",
      paramLabel = "BOOL",
      description =
          "Start a leader election client and gain leadership before executing the main loop;"
              + " enable this when running replicated components (default: ${DEFAULT-VALUE}).")
  boolean leaderElect;

  @Option(
      names = "--leader-elect-lease-duration",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description =
          "How long non-leader candidates wait after observing a leadership renewal"
              + " before trying to take over (default: ${DEFAULT-VALUE}).")
  Duration leaseDuration;

  @Option(
      names = "--leader-elect-renew-deadline",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description =
          "How long the leader tries to renew before it stops leading; less than the"
              + " lease duration (default: ${DEFAULT-VALUE}).")
  Duration renewDeadline;

  @Option(
      names = "--leader-elect-retry-period",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "How long clients wait between attempts to acquire and renew leadership"
              + " (default: ${DEFAULT-VALUE}).")
  Duration retryPeriod;

  @Option(
      names = "--leader-elect-resource-lock",
      paramLabel = "TYPE",
      defaultValue = "leases",
      description =
          "The type of object used for locking; only \"leases\" is supported"
              + " (default: ${DEFAULT-VALUE}).")
  String resourceLock;

  @Option(
      names = "--leader-elect-resource-name",
      paramLabel = "NAME",
      description = "The name of the Lease object (default: ${DEFAULT-VALUE}).")
  String resourceName;

  @Option(
      names = "--leader-elect-resource-namespace",
      paramLabel = "NAMESPACE",
      defaultValue = "kube-system",
      description = "The namespace of the Lease object (default: ${DEFAULT-VALUE}).")
  String resourceNamespace;

  /** Options whose Lease is named after the component, e.g. "kube-scheduler". */
  public LeaderElectionOptions(String defaultResourceName) {
    this.resourceName = defaultResourceName;
  }

  public boolean leaderElect() {
    return leaderElect;
  }

  public Duration leaseDuration() {
    return leaseDuration;
  }

  public Duration renewDeadline() {
    return renewDeadline;
  }

  public Duration retryPeriod() {
    return retryPeriod;
  }

  public String resourceName() {
    return resourceName;
  }

  public String resourceNamespace() {
    return resourceNamespace;
  }

  /** Upstream's checks: positive durations, lease &gt; renew deadline &gt; retry period. */
  public void validate() {
    if (!resourceLock.equals("leases")) {
      throw new IllegalArgumentException(
          "--leader-elect-resource-lock: only \"leases\" is"
              + " supported, got \""
              + resourceLock
              + "\"");
    }
    if (!leaderElect) {
      return;
    }
    if (retryPeriod.isNegative() || retryPeriod.isZero()) {
      throw new IllegalArgumentException("--leader-elect-retry-period must be positive");
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "--leader-elect-lease-duration must be greater than --leader-elect-renew-deadline");
    }
    if (renewDeadline.compareTo(retryPeriod) <= 0) {
      throw new IllegalArgumentException(
          "--leader-elect-renew-deadline must be greater than --leader-elect-retry-period");
    }
  }
}
