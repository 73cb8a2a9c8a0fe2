package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health and metrics listener over loopback HTTP(S), as a probe or Prometheus sees it. */
class HealthServerTest {
  private final HealthChecks checks = new HealthChecks();
  private final ComponentMetrics metrics = new ComponentMetrics();
  private HealthServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    metrics.close();
  }

  @Test
  void answersOkWhileChecksPassAnd500NamingTheFailedCheckOnceOneFails() throws Exception {
    AtomicBoolean synced = new AtomicBoolean(true);
    checks.addReadyzChecks(
        HealthCheck.of(
            "informer-sync",
            () -> {
              if (!synced.get()) {
                throw new IllegalStateException("pods not synced");
              }
            }));
    server =
        HealthServer.start(ServingEndpoint.http("test", "127.0.0.1", 0), null, checks, metrics);
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> ok = get(http, "http", "/readyz");
    synced.set(false);
    HttpResponse<String> failed = get(http, "http", "/readyz");
    HttpResponse<String> single = get(http, "http", "/readyz/informer-sync");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("ok");
    assertThat(ok.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body())
        .isEqualTo("[+]ping ok\n[-]informer-sync failed: reason withheld\nreadyz check failed\n");
    assertThat(single.statusCode()).isEqualTo(500);
    assertThat(single.body()).isEqualTo("internal server error: pods not synced\n");
    assertThat(get(http, "http", "/livez").statusCode()).isEqualTo(200);
  }

  @Test
  void servesPrometheusTextWithTheRegisteredMeters() throws Exception {
    metrics.registry().counter("scheduler.schedule.attempts", "result", "scheduled").increment();
    metrics.request("GET", "200", Duration.ofMillis(3));
    server =
        HealthServer.start(ServingEndpoint.http("test", "127.0.0.1", 0), null, checks, metrics);

    HttpResponse<String> scrape = get(HttpClient.newHttpClient(), "http", "/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type")).hasValue(ComponentMetrics.CONTENT_TYPE);
    assertThat(scrape.body())
        .contains("scheduler_schedule_attempts_total{result=\"scheduled\"} 1.0")
        .contains("rest_client_requests_total{code=\"200\",method=\"GET\"} 1.0");
  }

  @Test
  void answersGosNotFoundForOtherPathsAndForMetricsOnAHealthOnlyListener() throws Exception {
    server =
        HealthServer.start(
            ServingEndpoint.http("test", "127.0.0.1", 0).healthOnly(), null, checks, metrics);
    HttpClient http = HttpClient.newHttpClient();

    for (String path : new String[] {"/", "/metrics", "/healthzz"}) {
      HttpResponse<String> answer = get(http, "http", path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).isEqualTo("404 page not found\n");
    }
    assertThat(get(http, "http", "/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void servesHttpsWithASelfSignedCertificateForLocalhost() throws Exception {
    ServingEndpoint endpoint = ServingEndpoint.https("secure", "127.0.0.1", 0, null, null);
    server =
        HealthServer.start(
            endpoint, ServingTls.context(endpoint, Clock.systemUTC()), checks, metrics);
    CapturingTrust trust = new CapturingTrust();
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, new TrustManager[] {trust}, new SecureRandom());
    HttpClient http = HttpClient.newBuilder().sslContext(client).build();

    HttpResponse<String> answer = get(http, "https", "/healthz");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("ok");
    X509Certificate served = trust.chain[0];
    assertThat(served.getSubjectX500Principal().getName()).startsWith("CN=localhost@");
    assertThat(served.getSubjectAlternativeNames())
        .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
  }

  @Test
  void failsToStartWithAClearMessageWhenThePortIsTaken() {
    server =
        HealthServer.start(ServingEndpoint.http("first", "127.0.0.1", 0), null, checks, metrics);

    assertThatThrownBy(
            () ->
                HealthServer.start(
                    ServingEndpoint.http("second", "127.0.0.1", server.port()),
                    null,
                    checks,
                    metrics))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot serve second on 127.0.0.1:" + server.port());
  }

  private HttpResponse<String> get(HttpClient http, String scheme, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Trusts any server, keeping the chain it presented. */
  private static final class CapturingTrust implements X509TrustManager {
    volatile X509Certificate[] chain;

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType) {
      chain = certs;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
