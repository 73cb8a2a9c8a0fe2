package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Client-side throttling and transparent retries against a real, overloaded API server. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestRetryIT {

  /** Counts answers by code. */
  static final class Counting implements RequestMetrics {
    final ConcurrentHashMap<String, AtomicInteger> codes = new ConcurrentHashMap<>();

    @Override
    public void request(String verb, String code, Duration latency) {
      codes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
    }

    int count(String code) {
      AtomicInteger n = codes.get(code);
      return n == null ? 0 : n.get();
    }
  }

  @Test
  void concurrentGetsAllSucceedWhileTheServerSheds429sWithRetryAfter() throws Exception {
    try (TestApiServer server = TestApiServer.start("--max-requests-inflight=1")) {
      Counting metrics = new Counting();
      RestKubeClient client =
          KubeClients.create(
              ClientConfig.forServer(server.url()).withRateLimits(1000, 1000), metrics);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Namespace>> gets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          gets.add(pool.submit(() -> client.resources(Namespace.class).get(null, "default")));
        }
        for (Future<Namespace> get : gets) {
          assertThat(get.get(120, TimeUnit.SECONDS).getMetadata().getName()).isEqualTo("default");
        }
      } finally {
        pool.shutdownNow();
        client.close();
      }
      assertThat(metrics.count("200")).isEqualTo(16);
      assertThat(metrics.count("429"))
          .as("the server shed load; the client retried it")
          .isPositive();
    }
  }

  @Test
  void theClientSideRateLimiterSpacesRequestsBeyondTheBurstAtQps() {
    try (TestApiServer server = TestApiServer.start()) {
      Counting metrics = new Counting();
      RestKubeClient client =
          KubeClients.create(ClientConfig.forServer(server.url()).withRateLimits(4, 1), metrics);
      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        client.resources(Namespace.class).get(null, "default");
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      client.close();
      // one token at once, then one per 250 ms: however fast the server, never sooner
      assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(495));
      assertThat(metrics.count("200")).isEqualTo(3);
    }
  }
}
