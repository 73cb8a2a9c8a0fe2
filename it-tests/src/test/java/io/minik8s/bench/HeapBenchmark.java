package io.minik8s.bench;

/**
 * The API server's heap after a full GC holding {@link BenchContext#POPULATION} Pods, next to its
 * heap right after start (taken by {@link Benchmarks} before any other benchmark runs).
 */
final class HeapBenchmark implements Benchmark {
  private final long emptyHeap;

  HeapBenchmark(long emptyHeap) {
    this.emptyHeap = emptyHeap;
  }

  @Override
  public String name() {
    return "heap";
  }

  @Override
  public void run(BenchContext context) {
    context.ensurePopulation();
    long used = context.apiserver().heapUsedAfterFullGc();
    context.report().add(name(), "API server heap after full GC, no Pods",
        Report.mebibytes(emptyHeap), "(baseline)");
    context.report().add(name(), "API server heap after full GC, "
        + BenchContext.POPULATION + " Pods", Report.mebibytes(used),
        String.format("%,d B per Pod above the baseline",
            (used - emptyHeap) / BenchContext.POPULATION));
  }
}
