package io.minik8s.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watch fan-out: {@link #WATCHERS} watchers of one namespace, all from the same resourceVersion,
 * while up to {@link BenchContext#POPULATION} Pods are created there (64 in flight, for at most
 * {@link #WRITE_BUDGET}). Measures the events delivered per second (every watcher must see every
 * create) and the delay from the client sending a create to each watcher reading its event. The
 * Pods stay, as (part of) the population of the list and heap benchmarks.
 */
final class WatchBenchmark implements Benchmark {
  /** Concurrent watchers (-Dbench.watchers, default 500). */
  static final int WATCHERS = Integer.getInteger("bench.watchers", 500);
  /** Creates stop when this is spent; list and heap top the population up without watchers. */
  private static final Duration WRITE_BUDGET = Duration.ofSeconds(60);
  private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(3);

  @Override
  public String name() {
    return "watch";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    String namespace = BenchContext.POPULATION_NAMESPACE;
    Api api = context.api();
    api.createNamespace(namespace);
    long resourceVersion = new ObjectMapper()
        .readTree(api.get("/api/v1/namespaces/" + namespace + "/pods?limit=1"))
        .at("/metadata/resourceVersion").asLong();

    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    Histogram delays = new Histogram();
    List<WatchClient> watchers = new ArrayList<>();
    try {
      for (int i = 0; i < WATCHERS; i++) {
        WatchClient watcher = new WatchClient(http, api.base(), namespace, delays);
        watchers.add(watcher);
        watcher.start(resourceVersion);
        if (i % 50 == 49) { // open connections in batches rather than as one burst
          allOf(watchers.stream().map(WatchClient::connected).toList(), Duration.ofMinutes(1));
        }
      }
      allOf(watchers.stream().map(WatchClient::connected).toList(), Duration.ofMinutes(1));
      context.report().progress(WATCHERS + " watchers connected; creating Pods");

      CpuMeter.Snapshot before = context.cpu().snapshot();
      long start = System.nanoTime();
      Load.Result r = Load.run(BenchContext.POPULATION, 64, WRITE_BUDGET,
          i -> api.createPod(namespace, "pod-" + i));
      BenchContext.failOnErrors("creates under watch", r);
      int writes = r.operations();
      context.populationCreated(writes);
      watchers.forEach(w -> w.expect(writes));
      boolean allDelivered = true;
      try {
        allOf(watchers.stream().map(w -> w.complete().exceptionally(e -> null)).toList(),
            DELIVERY_DEADLINE);
      } catch (TimeoutException e) {
        allDelivered = false;
      }
      CpuMeter.Snapshot after = context.cpu().snapshot();
      long last = watchers.stream().mapToLong(WatchClient::lastEventNanos).max().orElse(start);
      long delivered = watchers.stream().mapToLong(WatchClient::received).sum();
      long complete = watchers.stream().filter(w -> w.received() == writes).count();
      int reopened = watchers.stream().mapToInt(WatchClient::reopened).sum();
      double seconds = (last - start) / 1e9;

      String shape = WATCHERS + " watchers x " + writes + " creates";
      context.report().add(name(), "events delivered/s (" + shape + ")",
          Report.rate(delivered / seconds),
          String.format(Locale.ROOT, "%,d events in %.1f s", delivered, seconds));
      context.report().add(name(), "delay create sent -> event read, p50",
          Report.millis(delays.percentileMillis(0.50)), "");
      context.report().add(name(), "delay create sent -> event read, p99",
          Report.millis(delays.percentileMillis(0.99)), "");
      context.report().add(name(), "Pod creates/s while watched", Report.rate(r.perSecond()),
          "(per delivered event: "
              + CpuMeter.perOperation(before, after, (int) delivered, true) + ")");
      context.report().add(name(), "watchers that saw every event",
          complete + "/" + WATCHERS, reopened + " streams ended by the server and resumed");
      watchers.stream().map(WatchClient::complete).filter(f -> f.isCompletedExceptionally())
          .findFirst().ifPresent(f -> context.report().note("watch: a watcher failed: "
              + f.handle((v, e) -> String.valueOf(e)).join()));
      if (!allDelivered) {
        context.report().note("watch: not every event arrived within " + DELIVERY_DEADLINE);
      }
    } finally {
      watchers.forEach(WatchClient::close);
      executor.shutdownNow();
    }
  }

  private static void allOf(List<CompletableFuture<Void>> futures, Duration deadline)
      throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }
}
