package io.minik8s.bench;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmarks of one run share: the etcd and API server under test, clients of both, the
 * report, and figures one benchmark measures for another (the raw etcd baseline, the 10,000 Pods).
 */
final class BenchContext {
  /** The Pods that list, heap and watch work with (-Dbench.pods, default 10,000). */
  static final int POPULATION = Integer.getInteger("bench.pods", 10_000);
  static final String POPULATION_NAMESPACE = "bench-pods";

  private final Client etcd;
  private final ApiServerProcess apiserver;
  private final Api api;
  private final Report report;
  private final Map<Integer, Double> etcdPutsPerSecond = new TreeMap<>();
  private final CpuMeter cpu;
  private Integer storedPodBytes;
  private int populated;

  BenchContext(Client etcd, ApiServerProcess apiserver, Report report) {
    this.etcd = etcd;
    this.apiserver = apiserver;
    this.api = new Api(apiserver.url());
    this.report = report;
    this.cpu = new CpuMeter(apiserver.pid());
  }

  CpuMeter cpu() {
    return cpu;
  }

  Client etcd() {
    return etcd;
  }

  ApiServerProcess apiserver() {
    return apiserver;
  }

  Api api() {
    return api;
  }

  Report report() {
    return report;
  }

  /** Raw etcd puts/s by concurrency, as measured by the etcd-put benchmark of this run. */
  Map<Integer, Double> etcdPutsPerSecond() {
    return etcdPutsPerSecond;
  }

  /**
   * The size of one benchmark Pod as the API server stores it in etcd, so that the raw etcd
   * baseline writes values of the same size.
   */
  int storedPodBytes() throws Exception {
    if (storedPodBytes == null) {
      api.createPod("default", "bench-sample").get(1, TimeUnit.MINUTES);
      GetResponse got = etcd.getKVClient()
          .get(ByteSequence.from("/registry/pods/default/bench-sample", StandardCharsets.UTF_8))
          .get(1, TimeUnit.MINUTES);
      if (got.getKvs().isEmpty()) {
        throw new IllegalStateException("the sample Pod is not at /registry/pods/default/");
      }
      storedPodBytes = (int) got.getKvs().get(0).getValue().size();
      api.send("DELETE", "/api/v1/namespaces/default/pods/bench-sample", null, 200);
    }
    return storedPodBytes;
  }

  /**
   * Makes sure the server holds {@link #POPULATION} Pods, pod-0 ... in {@link
   * #POPULATION_NAMESPACE}, and no others from earlier benchmarks (the watch benchmark leaves its
   * Pods there, pod-creates removes its own).
   */
  void ensurePopulation() {
    if (populated >= POPULATION) {
      return;
    }
    if (populated == 0) {
      api.createNamespace(POPULATION_NAMESPACE);
    }
    int from = populated;
    report.progress("creating " + (POPULATION - from) + " Pods in " + POPULATION_NAMESPACE);
    Load.Result r = Load.all(POPULATION - from, 64,
        i -> api.createPod(POPULATION_NAMESPACE, "pod-" + (from + i)));
    failOnErrors("populating", r);
    populated = POPULATION;
  }

  /**
   * Records that pod-0 ... pod-{@code count - 1} exist in {@link #POPULATION_NAMESPACE} (which
   * the caller created).
   */
  void populationCreated(int count) {
    populated = count;
  }

  static void failOnErrors(String what, Load.Result result) {
    if (result.failures() > 0) {
      throw new IllegalStateException(what + ": " + result.failures() + " of "
          + result.operations() + " operations failed, first: " + result.firstFailure());
    }
  }
}
