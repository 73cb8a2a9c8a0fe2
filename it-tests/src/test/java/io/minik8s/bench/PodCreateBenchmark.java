package io.minik8s.bench;

import java.time.Duration;

/**
 * Pod creates/s through the API server over HTTP at the baseline's concurrency levels, each as a
 * share of raw etcd puts/s at the same concurrency, measured in this run. Every level writes to
 * its own namespace, emptied afterwards (Pod deletes at 64 in flight, also timed) so that later
 * benchmarks see only their own Pods.
 */
final class PodCreateBenchmark implements Benchmark {
  private static final int CREATES = 10_000;
  private static final int WARM_UP = 3_000;
  /** A round stops early when its time is spent, so that a slow machine still ends in minutes. */
  private static final Duration BUDGET = Duration.ofSeconds(15);

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
    // count-based, not time-based: the server's JIT needs the same work however slow the machine
    Load.Result warmUp = create(context, "bench-warm-up", WARM_UP, 16, Load.UNBOUNDED);
    delete(context, "bench-warm-up", warmUp.operations());
    for (int concurrency : EtcdPutBenchmark.CONCURRENCY) {
      String namespace = "bench-create-" + concurrency;
      CpuMeter.Snapshot before = context.cpu().snapshot();
      Load.Result r = create(context, namespace, CREATES, concurrency, BUDGET);
      CpuMeter.Snapshot after = context.cpu().snapshot();
      double baseline = context.etcdPutsPerSecond().get(concurrency);
      context.report().add(name(), "Pod creates/s over HTTP, " + concurrency + " in flight",
          Report.rate(r.perSecond()), Report.percent(r.perSecond() / baseline)
              + " of raw etcd puts/s at " + concurrency + " (" + r.operations() + " creates; "
              + CpuMeter.perOperation(before, after, r.operations(), true) + ")");
      Load.Result deleted = delete(context, namespace, r.operations());
      if (concurrency == 64) {
        context.report().add(name(), "Pod deletes/s over HTTP, 64 in flight",
            Report.rate(deleted.perSecond()), "(" + deleted.operations() + " deletes)");
      }
    }
  }

  private static Load.Result create(BenchContext context, String namespace, int count,
      int concurrency, Duration budget) {
    Api api = context.api();
    api.createNamespace(namespace);
    Load.Result r = Load.run(count, concurrency, budget,
        i -> api.createPod(namespace, "pod-" + i));
    BenchContext.failOnErrors("pod creates", r);
    context.report().progress(String.format("%s: %d creates, %d in flight, %.0f/s", namespace,
        r.operations(), concurrency, r.perSecond()));
    return r;
  }

  /** Deletes the {@code count} Pods that {@link #create} made, 64 in flight. */
  private static Load.Result delete(BenchContext context, String namespace, int count) {
    Load.Result r = Load.all(count, 64, i -> context.api().deletePod(namespace, "pod-" + i));
    BenchContext.failOnErrors("pod deletes", r);
    return r;
  }
}
