package io.minik8s.apiserver;

import io.minik8s.api.GoDuration;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** kube-apiserver's flags, with upstream's names and defaults. */
@Command(
    name = "kube-apiserver",
    mixinStandardHelpOptions = true,
    version = "minik8s kube-apiserver v1.32.4",
    description = "The Kubernetes API server: validates and stores API objects in etcd and"
        + " serves the REST API, watches included.",
    sortOptions = false)
public final class ApiServerOptions {
  @Option(names = "--etcd-servers", split = ",", defaultValue = "http://127.0.0.1:2379",
      description = "etcd servers to connect to, comma separated (default: ${DEFAULT-VALUE}).")
  List<String> etcdServers;

  @Option(names = "--etcd-prefix", defaultValue = "/registry",
      description = "The prefix of every key in etcd (default: ${DEFAULT-VALUE}).")
  String etcdPrefix;

  @Option(names = "--bind-address", defaultValue = "127.0.0.1",
      description = "The address the plain HTTP port listens on (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(names = "--port", defaultValue = "8080",
      description = "The plain HTTP port; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--advertise-address",
      description = "The IP this server publishes in the kubernetes Service's endpoints"
          + " (default: the bind address, or 127.0.0.1 when binding to all addresses).")
  String advertiseAddress;

  @Option(names = "--service-cluster-ip-range", defaultValue = "10.96.0.0/12",
      description = "CIDR of Service ClusterIPs (default: ${DEFAULT-VALUE}).")
  String serviceClusterIpRange;

  @Option(names = "--service-node-port-range", defaultValue = "30000-32767",
      description = "Port range of NodePorts (default: ${DEFAULT-VALUE}).")
  String serviceNodePortRange;

  @Option(names = "--max-requests-inflight", defaultValue = "400",
      description = "Maximum non-mutating requests in flight; 0 for no limit"
          + " (default: ${DEFAULT-VALUE}).")
  int maxRequestsInflight;

  @Option(names = "--max-mutating-requests-inflight", defaultValue = "200",
      description = "Maximum mutating requests in flight; 0 for no limit"
          + " (default: ${DEFAULT-VALUE}).")
  int maxMutatingRequestsInflight;

  @Option(names = "--etcd-compaction-interval", defaultValue = "5m0s",
      converter = DurationConverter.class,
      description = "How often etcd is compacted; 0 disables (default: ${DEFAULT-VALUE}).")
  Duration etcdCompactionInterval;

  @Option(names = "--event-ttl", defaultValue = "1h0m0s", converter = DurationConverter.class,
      description = "How long Events are kept (default: ${DEFAULT-VALUE}).")
  Duration eventTtl;

  @Option(names = "--default-not-ready-toleration-seconds", defaultValue = "300",
      description = "tolerationSeconds added to pods for the not-ready taint"
          + " (default: ${DEFAULT-VALUE}).")
  long defaultNotReadyTolerationSeconds;

  @Option(names = "--default-unreachable-toleration-seconds", defaultValue = "300",
      description = "tolerationSeconds added to pods for the unreachable taint"
          + " (default: ${DEFAULT-VALUE}).")
  long defaultUnreachableTolerationSeconds;

  @Option(names = "--min-request-timeout", defaultValue = "1800",
      description = "Minimum seconds a watch stays open without timeoutSeconds; the server"
          + " picks between this and twice it (default: ${DEFAULT-VALUE}).")
  long minRequestTimeout;

  @Option(names = "--request-timeout", defaultValue = "1m0s", converter = DurationConverter.class,
      description = "How long a non-watch request may take before the server answers 504"
          + " (default: ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(names = "--watch-bookmark-interval", defaultValue = "1m0s",
      converter = DurationConverter.class, hidden = true,
      description = "How often idle watches that allow bookmarks get one.")
  Duration watchBookmarkInterval;

  /** Parses Go-style durations ("5m0s"). */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return GoDuration.parse(value);
    }
  }
}
