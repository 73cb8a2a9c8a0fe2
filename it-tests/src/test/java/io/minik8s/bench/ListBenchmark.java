package io.minik8s.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;

/**
 * List latency of all {@link BenchContext#POPULATION} Pods, one list at a time, from the watch
 * cache (resourceVersion=0) and from etcd (no resourceVersion: a consistent read), timed to the
 * last byte of the body.
 */
final class ListBenchmark implements Benchmark {
  private static final int WARM_UP = 5;
  private static final int SAMPLES = 40;

  @Override
  public String name() {
    return "list";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    context.ensurePopulation();
    Api api = context.api();
    int items = new ObjectMapper().readTree(api.get("/api/v1/pods?resourceVersion=0"))
        .path("items").size();
    if (items != BenchContext.POPULATION) {
      context.report().note("list: the server holds " + items + " Pods, not "
          + BenchContext.POPULATION);
    }
    measure(context, "from the watch cache (resourceVersion=0)", "/api/v1/pods?resourceVersion=0");
    measure(context, "from etcd (no resourceVersion)", "/api/v1/pods");
  }

  private void measure(BenchContext context, String source, String path) {
    Api api = context.api();
    for (int i = 0; i < WARM_UP; i++) {
      api.get(path);
    }
    double[] millis = new double[SAMPLES];
    int bytes = 0;
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      bytes = api.get(path).length;
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    String figure = "list " + BenchContext.POPULATION + " Pods " + source;
    String detail = SAMPLES + " lists of " + Report.mebibytes(bytes);
    context.report().add(name(), figure + ", p50", Report.millis(percentile(millis, 0.50)),
        detail);
    context.report().add(name(), figure + ", p99", Report.millis(percentile(millis, 0.99)),
        detail);
  }

  private static double percentile(double[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
