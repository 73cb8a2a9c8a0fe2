package io.minik8s.bench;

import com.sun.management.OperatingSystemMXBean;
import io.etcd.jetcd.Client;
import io.minik8s.testing.EtcdServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmarks named by {@code -Dbench} ("all", or a comma-separated list of etcd-put,
 * pod-create, watch, list, heap, informer) against a fresh etcd and a kube-apiserver process of
 * their own, and prints one table. Started by the {@code bench} profile of it-tests' pom.
 */
public final class Benchmarks {
  static final List<String> ORDER =
      List.of("etcd-put", "pod-create", "watch", "list", "heap", "informer");
  private static final List<String> ETCD_FLAGS =
      List.of("--auto-compaction-mode=periodic", "--auto-compaction-retention=5m");

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Set<String> selected = select(System.getProperty("bench", "all"));
    Path home = Path.of(required("bench.apiserver.home")).toAbsolutePath().normalize();
    List<String> jvmOptions = new ArrayList<>();
    String logback = System.getProperty("bench.logback");
    if (logback != null) {
      jvmOptions.add("-Dlogback.configurationFile=" + logback);
    }
    Report report = new Report(System.err);
    long started = System.nanoTime();
    boolean failed = false;
    String title = "minik8s benchmarks";
    try (EtcdServer etcd = EtcdServer.start(ETCD_FLAGS.toArray(String[]::new));
        Client jetcd = Client.builder().endpoints(etcd.endpoint()).build()) {
      List<String> flags = List.of("--etcd-servers=" + etcd.endpoint(),
          "--service-cluster-ip-range=127.96.0.0/16", "--max-requests-inflight=0",
          "--max-mutating-requests-inflight=0", "--etcd-compaction-interval=0");
      title = title(etcd.endpoint(), selected);
      report.progress(title);
      report.progress("kube-apiserver " + String.join(" ", flags));
      try (ApiServerProcess apiserver = ApiServerProcess.start(home, jvmOptions, flags)) {
        BenchContext context = new BenchContext(jetcd, apiserver, report);
        long emptyHeap = selected.contains("heap") ? apiserver.heapUsedAfterFullGc() : 0;
        for (String name : ORDER) {
          if (!selected.contains(name)) {
            continue;
          }
          report.progress("running " + name);
          try {
            benchmark(name, emptyHeap).run(context);
          } catch (Exception | AssertionError e) {
            failed = true;
            report.note(name + " failed: " + e);
            e.printStackTrace();
            report.progress("API server log tail:\n" + apiserver.logTail());
          }
        }
      }
    }
    report.note(String.format(Locale.ROOT, "whole run %.0f s; load average at the end %s",
        (System.nanoTime() - started) / 1e9, loadAverage()));
    report.print(System.out, title);
    System.exit(failed ? 1 : 0);
  }

  private static Benchmark benchmark(String name, long emptyHeap) {
    return switch (name) {
      case "etcd-put" -> new EtcdPutBenchmark();
      case "pod-create" -> new PodCreateBenchmark();
      case "watch" -> new WatchBenchmark();
      case "list" -> new ListBenchmark();
      case "heap" -> new HeapBenchmark(emptyHeap);
      case "informer" -> new InformerBenchmark();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Set<String> select(String spec) {
    if (spec == null || spec.isBlank() || spec.equals("all")) {
      return new LinkedHashSet<>(ORDER);
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : spec.split(",")) {
      String trimmed = name.trim();
      if (!ORDER.contains(trimmed)) {
        throw new IllegalArgumentException(
            "unknown benchmark \"" + trimmed + "\"; known: all, " + String.join(", ", ORDER));
      }
      names.add(trimmed);
    }
    return names;
  }

  private static String title(String etcdEndpoint, Set<String> selected) {
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(Locale.ROOT,
        "minik8s benchmarks [%s]: %d CPUs, %.1f GiB RAM, Java %s, etcd %s, load average %s",
        String.join(",", selected), Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / (1024.0 * 1024 * 1024), System.getProperty("java.vm.version"),
        etcdVersion(etcdEndpoint), loadAverage());
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String etcdVersion(String endpoint) {
    try {
      String body = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(endpoint + "/version")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      var matcher = java.util.regex.Pattern.compile("\"etcdserver\":\"([^\"]+)\"").matcher(body);
      return matcher.find() ? matcher.group(1) : body;
    } catch (Exception e) {
      return "(version unknown: " + e + ")";
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalArgumentException("-D" + property + " is required; run through"
          + " ./mvnw -Pbench -pl it-tests -am verify (see it-tests/pom.xml). Known benchmarks: "
          + Arrays.toString(ORDER.toArray()));
    }
    return value;
  }
}
