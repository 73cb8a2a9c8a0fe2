package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.KubeClient;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.cache.SharedInformerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The runtime in-process, with a fake API connection and the SIGTERM hook run by the test. */
@Timeout(60)
class ComponentRuntimeTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Thread> hooks = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private volatile boolean serverUp = true;

  @Command(name = "kube-test")
  final class TestComponent implements Component {
    final boolean takesMaster;
    @Mixin ComponentOptions options = new ComponentOptions(20, 30);

    @Option(names = "--port", defaultValue = "0")
    int port;

    volatile ComponentContext context;

    TestComponent() {
      this(true);
    }

    TestComponent(boolean takesMaster) {
      this.takesMaster = takesMaster;
    }

    @Override
    public boolean acceptsMaster() {
      return takesMaster;
    }

    @Override
    public ComponentOptions componentOptions() {
      return options;
    }

    @Override
    public List<ServingEndpoint> servingEndpoints() {
      return List.of(ServingEndpoint.http("health", "127.0.0.1", port));
    }

    @Override
    public void validate() {
      if (port < 0) {
        throw new IllegalArgumentException("--port must not be negative");
      }
    }

    @Override
    public void start(ComponentContext started) {
      context = started;
      events.add("start qps=" + options.kubeApiQps());
      started.onStop("informers", () -> events.add("stop informers"));
      started.onStop("workers", () -> events.add("stop workers"));
    }
  }

  private final ApiConnector connector =
      new ApiConnector() {
        @Override
        public KubeClient connect(
            ComponentOptions options, String userAgent, RequestMetrics metrics) {
          events.add("connect " + userAgent.substring(0, userAgent.indexOf(' ')));
          return new FakeClient();
        }

        @Override
        public String serverVersion(KubeClient client) {
          if (!serverUp) {
            throw ApiException.serviceUnavailable("connection refused");
          }
          return "v1.32.4";
        }
      };

  private ComponentRuntime runtime() {
    return new ComponentRuntime(
        Clock.systemUTC(),
        connector,
        Duration.ZERO,
        hooks::add,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void servesHealthWhileRunningAndStopsInReverseOrderOnSigterm() throws Exception {
    TestComponent component = new TestComponent();
    int port = freePort();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> runtime().run(component, "--kube-api-qps=7", "--port=" + port));
    await().atMost(Duration.ofSeconds(20)).until(() -> component.context != null);
    assertThat(get(port, "/healthz")).isEqualTo("200 ok");
    assertThat(component.context.serverVersion()).isEqualTo("v1.32.4");
    SharedInformerFactory informers = component.context.informers();
    assertThat(component.context.informers()).as("one per process").isSameAs(informers);

    hooks.get(0).run(); // what the JVM does on SIGTERM

    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(events)
        .containsExactly(
            "connect kube-test/v1.32.4",
            "start qps=7.0",
            "stop workers",
            "stop informers",
            "client closed");
    assertThatThrownBy(informers::start)
        .as("stopped with the process")
        .isInstanceOf(IllegalStateException.class);
    assertThat(component.context.health().checks(HealthChecks.Endpoint.READYZ))
        .anySatisfy(c -> assertThat(c.name()).isEqualTo("shutdown"));
  }

  @Test
  void readyzFailsOnceTheStopBegan() throws Exception {
    TestComponent component = new TestComponent();
    int port = freePort();
    CompletableFuture.supplyAsync(() -> runtime().run(component, "--port=" + port));
    await().atMost(Duration.ofSeconds(20)).until(() -> component.context != null);
    CompletableFuture<String> readyzDuringStop = new CompletableFuture<>();
    // the component's own resources stop before the listener, so this runs while it still serves
    component.context.onStop("probe", () -> readyzDuringStop.complete(get(port, "/readyz")));

    assertThat(get(port, "/readyz")).isEqualTo("200 ok");
    hooks.get(0).run();

    assertThat(readyzDuringStop.get(20, TimeUnit.SECONDS))
        .startsWith("500 [+]ping ok\n[-]shutdown failed: reason withheld");
  }

  @Test
  void exitsWithTheCodeTheComponentAsksForAfterStopping() throws Exception {
    TestComponent component = new TestComponent();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> runtime().run(component));
    await().atMost(Duration.ofSeconds(20)).until(() -> component.context != null);

    component.context.shutdown(1, "leaderelection lost");

    assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(events).contains("stop workers", "client closed");
  }

  @Test
  void failsWithExitCodeOneAndClosesTheClientWhenTheServerDoesNotAnswer() {
    serverUp = false;
    TestComponent component = new TestComponent();

    int code = runtime().run(component);

    assertThat(code).isEqualTo(1);
    assertThat(component.context).as("never started").isNull();
    assertThat(events).containsExactly("connect kube-test/v1.32.4", "client closed");
  }

  @Test
  void reportsUsageErrorsWithExitCodeTwoBeforeStartingAnything() {
    assertThat(runtime().run(new TestComponent(), "--no-such-flag")).isEqualTo(2);
    assertThat(runtime().run(new TestComponent(), "--port=-1")).isEqualTo(2);
    assertThat(runtime().run(new TestComponent(), "-v=12")).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Unknown option: '--no-such-flag'")
        .contains("--port must not be negative")
        .contains("-v must be between 0 and 10")
        .contains("Usage: kube-test");
    assertThat(events).isEmpty();
    assertThat(hooks).isEmpty();
  }

  @Test
  void dropsMasterForComponentsThatDoNotTakeIt() {
    TestComponent kubeletLike = new TestComponent(false);

    assertThat(runtime().run(kubeletLike, "--master=http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--master");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  private final class FakeClient implements KubeClient {
    @Override
    public <T extends HasMetadata> ResourceClient<T> resources(Class<T> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResourceClient<HasMetadata> resources(ResourceType type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResourceRegistry registry() {
      return ResourceRegistry.builtIn();
    }

    @Override
    public io.minik8s.client.PodOperations pods() {
      throw new AssertionError("this fake serves no pod subresources");
    }

    @Override
    public io.minik8s.client.ScaleOperations scales(
        Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type) {
      throw new AssertionError("this fake serves no scale subresource");
    }

    @Override
    public String server() {
      return "http://127.0.0.1:1";
    }

    @Override
    public void close() {
      events.add("client closed");
    }
  }
}
