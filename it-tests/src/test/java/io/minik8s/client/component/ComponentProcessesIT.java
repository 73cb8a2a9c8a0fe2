package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.apiserver.it.TestApiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each component as its own JVM against a real API server: it connects, serves /healthz, /readyz,
 * /livez and Prometheus /metrics (with the client's request to /version counted) on its upstream
 * flags, and exits cleanly on SIGTERM.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ComponentProcessesIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(30);
  private static TestApiServer server;
  private final HttpClient http = trustingClient();

  @BeforeAll
  static void startServer() {
    server = TestApiServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void schedulerServesHealthAndMetricsOverHttpsWithASelfSignedCertificate() throws Exception {
    int port = freePort();
    try (ComponentProcess scheduler =
        ComponentProcess.start(
            "kube-scheduler",
            "scheduler",
            "io.minik8s.scheduler.SchedulerMain",
            List.of(
                "--master=" + server.url(),
                "--bind-address=127.0.0.1",
                "--secure-port=" + port,
                "--leader-elect=false"))) {
      String base = "https://127.0.0.1:" + port;

      awaitHealthy(scheduler, base);
      assertServesHealthAndMetrics(base);
      assertStopsCleanlyOnSigterm(scheduler, "kube-scheduler");
    }
  }

  @Test
  void controllerManagerServesHealthAndMetricsOverHttps() throws Exception {
    int port = freePort();
    try (ComponentProcess manager =
        ComponentProcess.start(
            "kube-controller-manager",
            "controller-manager",
            "io.minik8s.controllermanager.ControllerManagerMain",
            List.of(
                "--master=" + server.url(),
                "--bind-address=127.0.0.1",
                "--secure-port=" + port,
                "--node-monitor-grace-period=40s",
                "-v=2"))) {
      String base = "https://127.0.0.1:" + port;

      awaitHealthy(manager, base);
      assertServesHealthAndMetrics(base);
      assertThat(manager.log())
          .as("-v=2 logs every flag")
          .contains("FLAG: --node-monitor-grace-period=\"40s\"");
      assertStopsCleanlyOnSigterm(manager, "kube-controller-manager");
    }
  }

  @Test
  void kubeletServesPlainHttpOnItsHealthzPortFromAKubeconfig() throws Exception {
    int port = freePort();
    Path kubeconfig = Files.createTempFile("kubelet", ".kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: it
          cluster:
            server: %s
        contexts:
        - name: it
          context:
            cluster: it
            user: kubelet
        users:
        - name: kubelet
          user: {}
        current-context: it
        """
            .formatted(server.url()));
    try (ComponentProcess kubelet =
        ComponentProcess.start(
            "kubelet",
            "kubelet",
            "io.minik8s.kubelet.KubeletMain",
            List.of(
                "--kubeconfig=" + kubeconfig,
                "--hostname-override=it-node",
                "--healthz-bind-address=127.0.0.1",
                "--healthz-port=" + port,
                "--container-runtime=simulated"))) {
      String base = "http://127.0.0.1:" + port;

      awaitHealthy(kubelet, base);
      assertServesHealthAndMetrics(base);
      assertStopsCleanlyOnSigterm(kubelet, "kubelet");
    } finally {
      Files.deleteIfExists(kubeconfig);
    }
  }

  @Test
  void kubeProxyServesHealthzAndMetricsOnTheirOwnAddresses() throws Exception {
    int healthz = freePort();
    int metrics = freePort();
    try (ComponentProcess proxy =
        ComponentProcess.start(
            "kube-proxy",
            "kube-proxy",
            "io.minik8s.kubeproxy.KubeProxyMain",
            List.of(
                "--master=" + server.url(),
                "--hostname-override=it-node",
                "--healthz-bind-address=127.0.0.1:" + healthz,
                "--metrics-bind-address=127.0.0.1:" + metrics))) {
      String healthBase = "http://127.0.0.1:" + healthz;
      String metricsBase = "http://127.0.0.1:" + metrics;

      awaitHealthy(proxy, healthBase);
      assertThat(get(healthBase + "/metrics").statusCode())
          .as("healthz port: no metrics")
          .isEqualTo(404);
      assertServesHealthAndMetrics(metricsBase);
      assertStopsCleanlyOnSigterm(proxy, "kube-proxy");
    }
  }

  @Test
  void failsWithAClearMessageWhenTheApiServerIsUnreachable() throws Exception {
    int closed = freePort();
    try (ComponentProcess scheduler =
        ComponentProcess.start(
            "kube-scheduler-unreachable",
            "scheduler",
            "io.minik8s.scheduler.SchedulerMain",
            List.of(
                "--master=http://127.0.0.1:" + closed,
                "--secure-port=" + freePort(),
                "--bind-address=127.0.0.1"))) {
      assertThat(scheduler.process().waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS))
          .as("exits by itself: %s", scheduler)
          .isTrue();

      assertThat(scheduler.process().exitValue()).isEqualTo(1);
      assertThat(scheduler.log())
          .contains(
              "cannot reach the API server at http://127.0.0.1:"
                  + closed
                  + " (check --kubeconfig and --master)");
    }
  }

  private void awaitHealthy(ComponentProcess component, String base) {
    await()
        .atMost(STARTUP)
        .pollInterval(Duration.ofMillis(250))
        .failFast("the process exited: " + component, () -> !component.process().isAlive())
        .ignoreExceptions()
        .until(() -> get(base + "/healthz").statusCode() == 200);
  }

  private void assertServesHealthAndMetrics(String base) throws Exception {
    HttpResponse<String> healthz = get(base + "/healthz");
    assertThat(healthz.body()).isEqualTo("ok");
    assertThat(get(base + "/livez").body()).isEqualTo("ok");
    HttpResponse<String> readyz = get(base + "/readyz?verbose");
    assertThat(readyz.statusCode()).isEqualTo(200);
    assertThat(readyz.body()).contains("[+]ping ok", "[+]shutdown ok", "readyz check passed");
    HttpResponse<String> metrics = get(base + "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .as("the client's GET /version is counted")
        .contains("rest_client_requests_total{code=\"200\",method=\"GET\"}")
        .contains("rest_client_request_duration_seconds_bucket{code=\"200\",verb=\"GET\"")
        .contains("jvm_memory_used_bytes");
  }

  private static void assertStopsCleanlyOnSigterm(ComponentProcess component, String name)
      throws InterruptedException {
    component.process().destroy(); // SIGTERM

    assertThat(component.process().waitFor(STOP.toSeconds(), TimeUnit.SECONDS))
        .as("stopped within %s: %s", STOP, component)
        .isTrue();
    assertThat(component.process().exitValue()).as("exit code of %s", component).isIn(0, 143);
    assertThat(component.log())
        .contains("Stopping " + name + " (SIGTERM)")
        .doesNotContain("Failed to stop");
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A client that accepts the components' self-signed certificates, as curl -k does. */
  private static HttpClient trustingClient() {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(
          null,
          new TrustManager[] {
            new X509TrustManager() {
              @Override
              public void checkClientTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public void checkServerTrusted(X509Certificate[] chain, String authType) {}

              @Override
              public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
              }
            }
          },
          new SecureRandom());
      return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
