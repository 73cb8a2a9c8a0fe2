package io.minik8s.client.component;

import picocli.CommandLine.Option;

/**
 * The flags every component shares, as a Picocli mixin: {@code --kubeconfig}, {@code --master},
 * {@code -v}, {@code --kube-api-qps} and {@code --kube-api-burst}. The client defaults differ per
 * component upstream (kube-controller-manager 20/30, kube-scheduler and kubelet 50/100, kube-proxy
 * client-go's 5/10), so they are constructor arguments; a component declares {@code @Mixin
 * ComponentOptions options = new ComponentOptions(20, 30);}.
 */
public final class ComponentOptions {

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Path to a kubeconfig file with the API server's address and credentials"
              + " (default: $KUBECONFIG, else ~/.kube/config).")
  String kubeconfig;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "The address of the API server (overrides any value in the kubeconfig).")
  String master;

  @Option(
      names = {"-v", "--v"},
      paramLabel = "LEVEL",
      defaultValue = "0",
      description =
          "Number for the log level verbosity, 0-10: 0-3 info, 4-5 debug, 6 and up"
              + " trace (default: ${DEFAULT-VALUE}).")
  int verbosity;

  @Option(
      names = "--kube-api-qps",
      paramLabel = "QPS",
      description = "QPS to use while talking with the API server (default: ${DEFAULT-VALUE}).")
  double kubeApiQps;

  @Option(
      names = "--kube-api-burst",
      paramLabel = "N",
      description = "Burst to use while talking with the API server (default: ${DEFAULT-VALUE}).")
  int kubeApiBurst;

  /** Options with the given client rate-limit defaults. */
  public ComponentOptions(double defaultQps, int defaultBurst) {
    this.kubeApiQps = defaultQps;
    this.kubeApiBurst = defaultBurst;
  }

  /** client-go's defaults, 5 QPS and bursts of 10. */
  public ComponentOptions() {
    this(5, 10);
  }

  /** The kubeconfig file named by the flag, or null to use $KUBECONFIG or ~/.kube/config. */
  public String kubeconfig() {
    return kubeconfig;
  }

  /** The API server URL named by the flag, or null. */
  public String master() {
    return master;
  }

  /** The klog-style verbosity, 0 to 10. */
  public int verbosity() {
    return verbosity;
  }

  public double kubeApiQps() {
    return kubeApiQps;
  }

  public int kubeApiBurst() {
    return kubeApiBurst;
  }

  /** Checks the values that Picocli's types cannot; throws with the flag's name. */
  void validate() {
    if (verbosity < 0 || verbosity > 10) {
      throw new IllegalArgumentException("-v must be between 0 and 10, got " + verbosity);
    }
    if (kubeApiBurst < 1) {
      throw new IllegalArgumentException(
          "--kube-api-burst must be at least 1, got " + kubeApiBurst);
    }
  }
}
