package io.minik8s.client.rest;

import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.KubeClient;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import java.net.http.HttpClient;

/**
 * Builds the HTTP {@link KubeClient} from a {@link ClientConfig}: HTTP/1.1 over java.net.http, TLS
 * from the config's material, client-go's token bucket (qps/burst) and retry policy.
 */
public final class KubeClients {
  private KubeClients() {}

  /** A client for the config, with no metrics. */
  public static RestKubeClient create(ClientConfig config) {
    return create(config, RequestMetrics.NONE);
  }

  /** A client for the config whose requests are reported to the given metrics. */
  public static RestKubeClient create(ClientConfig config, RequestMetrics metrics) {
    return new RestKubeClient(restClient(config, metrics), ResourceRegistry.builtIn());
  }

  /** The raw client alone (kubectl's raw paths and discovery). */
  public static RestClient restClient(ClientConfig config, RequestMetrics metrics) {
    return new RestClient(
        config,
        httpClient(config),
        rateLimiter(config),
        RetryPolicy.DEFAULT,
        Sleeper.SYSTEM,
        metrics);
  }

  /** The client-side limiter of the config: none when qps is 0 or less. */
  public static RateLimiter rateLimiter(ClientConfig config) {
    return config.qps() > 0
        ? new TokenBucketRateLimiter(config.qps(), config.burst(), Ticker.SYSTEM, Sleeper.SYSTEM)
        : RateLimiter.UNLIMITED;
  }

  /** The JDK HTTP client of the config: HTTP/1.1 (as client-go speaks JSON), no redirects. */
  public static HttpClient httpClient(ClientConfig config) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.connectTimeout());
    if (config.isHttps()) {
      b.sslContext(TlsContexts.sslContext(config));
    }
    return b.build();
  }
}
