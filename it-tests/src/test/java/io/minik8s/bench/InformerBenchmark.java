package io.minik8s.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import io.minik8s.client.cache.DefaultSharedIndexInformer;
import io.minik8s.client.cache.ExponentialBackoffManager;
import io.minik8s.client.cache.InformerMetrics;
import io.minik8s.client.cache.InformerScope;
import io.minik8s.client.cache.ListerWatcher;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.KubeClients;
import io.minik8s.client.rest.RestKubeClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One informer (io.minik8s.client.cache, as every component runs it) consuming {@value #CHANGES}
 * Pod changes, next to the API server's raw watch throughput in the same run:
 *
 * <ol>
 *   <li>live: creates in a namespace of its own, 64 in flight, watched by an informer and by a raw
 *       watch reading the same events as bytes; the delay from the client sending each create to
 *       the informer's handler call (to the raw watcher's read), p50 and p99;
 *   <li>flat out, once the Pods exist: a raw watch replaying the changes from the resourceVersion
 *       before the writes (the baseline: nothing limits it but the server and the connection), then
 *       an informer doing the same (its list at that resourceVersion is empty, so every change
 *       arrives as a watch event through reflector, store and handler);
 *   <li>an informer's cold start over the same Pods: one list, then hasSynced.
 * </ol>
 */
final class InformerBenchmark implements Benchmark {
  static final int CHANGES = 10_000;
  static final String NAMESPACE = "bench-informer";

  /** Creates stop when this is spent, so that a slow machine measures fewer changes. */
  private static final Duration WRITE_BUDGET = Duration.ofSeconds(180);

  private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(3);
  private static final int REPLAY_ROUNDS = 3;

  @Override
  public String name() {
    return "informer";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    Api api = context.api();
    api.createNamespace(NAMESPACE);
    long before =
        new ObjectMapper()
            .readTree(api.get("/api/v1/namespaces/" + NAMESPACE + "/pods?limit=1"))
            .at("/metadata/resourceVersion")
            .asLong();
    // no client-side rate limit: the figures are the informer's and the server's, not a token
    // bucket's (list and watch are a handful of requests anyway)
    ClientConfig config = ClientConfig.forServer(api.base()).withRateLimits(0, 1);
    ExecutorService httpThreads = Executors.newFixedThreadPool(2);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(httpThreads)
            .build();
    try (RestKubeClient client = KubeClients.create(config);
        SharedInformerFactory informers = new SharedInformerFactory(client, Duration.ZERO)) {
      Histogram handlerDelays = new Histogram();
      CountingHandler handler = new CountingHandler(handlerDelays);
      SharedIndexInformer<Pod> informer =
          informers.informerFor(Pod.class, InformerScope.namespace(NAMESPACE));
      informer.addEventHandler(handler);
      informers.start();
      if (!informers.waitForCacheSync(Duration.ofMinutes(1))) {
        throw new IllegalStateException("the informer did not sync within a minute");
      }
      Histogram rawDelays = new Histogram();
      WatchClient raw = new WatchClient(http, api.base(), NAMESPACE, rawDelays);
      raw.start(before);
      raw.connected().get(1, TimeUnit.MINUTES);
      context.report().progress("informer synced and raw watch open; creating Pods");

      long start = System.nanoTime();
      Histogram createLatency = new Histogram();
      Load.Result writes =
          Load.run(
              CHANGES,
              64,
              WRITE_BUDGET,
              i -> {
                long sent = System.nanoTime();
                return api.createPod(NAMESPACE, "pod-" + i)
                    .thenRun(() -> createLatency.record(System.nanoTime() - sent));
              });
      BenchContext.failOnErrors("creates under the informer", writes);
      int changes = writes.operations();
      handler.expect(changes);
      raw.expect(changes);
      handler.complete().get(DELIVERY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      raw.complete().get(DELIVERY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      double informerSeconds = (handler.lastNanos() - start) / 1e9;
      double rawSeconds = (raw.lastEventNanos() - start) / 1e9;

      raw.close();
      informers.shutdown(); // idle from here on; the replays run alone
      // alternating rounds, medians: one round on a busy machine is mostly noise
      double[] rawRates = new double[REPLAY_ROUNDS];
      double[] informerRates = new double[REPLAY_ROUNDS];
      for (int round = 0; round < REPLAY_ROUNDS; round++) {
        rawRates[round] = rawReplay(http, api.base(), before, changes);
        informerRates[round] = informerReplay(client, before, changes);
      }
      double replayRate = median(rawRates);
      double informerReplayRate = median(informerRates);

      String live = "1 informer, " + changes + " creates";
      Report report = context.report();
      report.add(
          name(),
          "raw watch replay of " + changes + " changes (server throughput)",
          Report.rate(replayRate),
          "(baseline) " + range(rawRates));
      report.add(
          name(),
          "informer replay of the same changes, handler events/s",
          Report.rate(informerReplayRate),
          Report.percent(informerReplayRate / replayRate)
              + " of the raw replay "
              + range(informerRates));
      report.add(
          name(),
          "informer handler events/s, live (" + live + ")",
          Report.rate(changes / informerSeconds),
          "raw watch of the same writes "
              + Report.rate(changes / rawSeconds)
              + "; Pod creates "
              + Report.rate(writes.perSecond()));
      report.add(
          name(),
          "delay create sent -> handler call, p50",
          Report.millis(handlerDelays.percentileMillis(0.50)),
          "raw watch read " + Report.millis(rawDelays.percentileMillis(0.50)));
      report.add(
          name(),
          "delay create sent -> handler call, p99",
          Report.millis(handlerDelays.percentileMillis(0.99)),
          "raw watch read " + Report.millis(rawDelays.percentileMillis(0.99)));
      report.add(
          name(),
          "create request latency (sent -> 201), p50 / p99",
          Report.millis(createLatency.percentileMillis(0.50))
              + " / "
              + Report.millis(createLatency.percentileMillis(0.99)),
          "the part of the delay before the change exists");
      coldStart(client, changes, replayRate, report);
    } finally {
      httpThreads.shutdownNow();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String range(double[] values) {
    return String.format(
        Locale.ROOT,
        "(median of %d rounds, %,.0f-%,.0f/s)",
        values.length,
        Arrays.stream(values).min().orElse(0),
        Arrays.stream(values).max().orElse(0));
  }

  /** One raw watch from {@code before} reading {@code changes} events: events/s. */
  private static double rawReplay(HttpClient http, String base, long before, int changes)
      throws Exception {
    WatchClient replay = new WatchClient(http, base, NAMESPACE, new Histogram());
    replay.expect(changes);
    long start = System.nanoTime();
    replay.start(before);
    try {
      replay.complete().get(DELIVERY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      return changes / ((replay.lastEventNanos() - start) / 1e9);
    } finally {
      replay.close();
    }
  }

  /**
   * An informer whose list is pinned to {@code before} (resourceVersionMatch=Exact: the namespace
   * was still empty), so that it then watches every change from there: handler events/s.
   */
  private static double informerReplay(RestKubeClient client, long before, int changes)
      throws Exception {
    ListerWatcher<Pod> scoped =
        ListerWatcher.of(client.resources(Pod.class), InformerScope.namespace(NAMESPACE));
    ListerWatcher<Pod> fromBefore =
        new ListerWatcher<>() {
          @Override
          public ResourceType type() {
            return scoped.type();
          }

          @Override
          public ListPage<Pod> list(ListOptions o) {
            boolean first = o.continueToken() == null;
            return scoped.list(
                new ListOptions(
                    o.labelSelector(),
                    o.fieldSelector(),
                    first ? String.valueOf(before) : null,
                    first ? "Exact" : null,
                    o.limit(),
                    o.continueToken(),
                    o.timeoutSeconds(),
                    o.allowWatchBookmarks()));
          }

          @Override
          public ResourceClient.Watch watch(ListOptions o, WatchListener<Pod> listener) {
            return scoped.watch(o, listener);
          }
        };
    ExecutorService threads = Executors.newCachedThreadPool();
    Clock clock = Clock.systemUTC();
    DefaultSharedIndexInformer<Pod> informer =
        new DefaultSharedIndexInformer<>(
            fromBefore,
            Duration.ZERO,
            threads,
            clock,
            ExponentialBackoffManager.reflectorDefault(clock),
            InformerMetrics.NONE);
    CountingHandler handler = new CountingHandler(new Histogram());
    handler.expect(changes);
    informer.addEventHandler(handler);
    long start = System.nanoTime();
    informer.start();
    try {
      handler.complete().get(DELIVERY_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      return changes / ((handler.lastNanos() - start) / 1e9);
    } finally {
      informer.stop();
      threads.shutdownNow();
    }
  }

  /** A second informer over the same Pods: one list (all pages) into its cache, then synced. */
  private void coldStart(RestKubeClient client, int pods, double replayRate, Report report) {
    try (SharedInformerFactory cold = new SharedInformerFactory(client, Duration.ZERO)) {
      cold.informerFor(Pod.class, InformerScope.namespace(NAMESPACE));
      long start = System.nanoTime();
      cold.start();
      if (!cold.waitForCacheSync(Duration.ofMinutes(2))) {
        report.note("informer: the cold informer did not sync within 2 minutes");
        return;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      report.add(
          name(),
          "informer cold start, list+sync of " + pods + " Pods",
          Report.millis(seconds * 1000),
          String.format(
              Locale.ROOT,
              "%,.0f objects/s, %s of the raw replay's rate",
              pods / seconds,
              Report.percent(pods / seconds / replayRate)));
    }
  }
}
