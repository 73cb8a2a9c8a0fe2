package io.minik8s.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Pod creates/s through the API server over HTTP at the baseline's concurrency levels, each as a
 * share of raw etcd puts/s at the same concurrency, measured in this run. Every level writes to
 * its own namespace, emptied afterwards (one DELETE of the collection, also timed) so that later
 * benchmarks see only their own Pods.
 */
final class PodCreateBenchmark implements Benchmark {
  private static final int CREATES = 10_000;
  private static final int WARM_UP = 3_000;

  @Override
  public String name() {
    return "pod-create";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    if (context.etcdPutsPerSecond().isEmpty()) {
      context.report().progress("pod-create needs its baseline: running etcd-put first");
      new EtcdPutBenchmark().run(context);
    }
    create(context, "bench-warm-up", WARM_UP, 16);
    deleteAll(context, "bench-warm-up");
    for (int concurrency : EtcdPutBenchmark.CONCURRENCY) {
      String namespace = "bench-create-" + concurrency;
      Load.Result r = create(context, namespace, CREATES, concurrency);
      double baseline = context.etcdPutsPerSecond().get(concurrency);
      context.report().add(name(), "Pod creates/s over HTTP, " + concurrency + " in flight",
          Report.rate(r.perSecond()),
          Report.percent(r.perSecond() / baseline) + " of raw etcd puts/s at " + concurrency);
      double seconds = deleteAll(context, namespace);
      if (concurrency == 64) {
        context.report().add(name(), "Pods deleted/s by one DELETE of a collection",
            Report.rate(CREATES / seconds),
            String.format(Locale.ROOT, "%,d Pods in %.1f s", CREATES, seconds));
      }
    }
  }

  private static Load.Result create(BenchContext context, String namespace, int count,
      int concurrency) {
    Api api = context.api();
    api.createNamespace(namespace);
    context.report().progress(namespace + ": " + count + " creates, " + concurrency
        + " in flight");
    Load.Result r = Load.run(count, concurrency, Duration.ofMinutes(5),
        i -> api.createPod(namespace, "pod-" + i));
    BenchContext.failOnErrors("pod creates", r);
    return r;
  }

  /** Deletes every Pod of the namespace; the seconds it took. */
  private static double deleteAll(BenchContext context, String namespace) {
    long start = System.nanoTime();
    context.api().deletePods(namespace);
    return (System.nanoTime() - start) / 1e9;
  }
}
