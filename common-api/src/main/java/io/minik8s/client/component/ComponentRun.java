package io.minik8s.client.component;

import io.minik8s.api.ApiException;
import io.minik8s.client.KubeClient;
import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.config.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a component once its flags are parsed: what it started (in a {@link Lifecycle}), the
 * {@link ComponentContext} it hands the component, and how the run ends.
 */
final class ComponentRun implements ComponentContext {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentRuntime.class);
  private static final Duration RETRY = Duration.ofMillis(500);

  private final String name;
  private final Clock clock;
  private final ApiConnector connector;
  private final Duration connectTimeout;
  private final Consumer<Thread> shutdownHooks;
  private final Lifecycle lifecycle = new Lifecycle();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ComponentMetrics metrics = new ComponentMetrics();
  private final HealthChecks health = new HealthChecks();
  private volatile int exitCode;
  private volatile KubeClient client;
  private volatile String serverVersion;
  private SharedInformerFactory informers;

  ComponentRun(
      String name,
      Clock clock,
      ApiConnector connector,
      Duration connectTimeout,
      Consumer<Thread> shutdownHooks) {
    this.name = name;
    this.clock = clock;
    this.connector = connector;
    this.connectTimeout = connectTimeout;
    this.shutdownHooks = shutdownHooks;
  }

  /** Starts everything, blocks until the run is stopped, and answers the exit code. */
  int start(Component component) {
    shutdownHooks.accept(new Thread(() -> stop("SIGTERM"), name + "-shutdown"));
    lifecycle.add("metrics", metrics);
    health.addReadyzChecks(
        HealthCheck.of(
            "shutdown",
            () -> {
              if (lifecycle.stopping()) {
                throw new IllegalStateException("process is shutting down");
              }
            }));
    try {
      client = connector.connect(component.componentOptions(), userAgent(), metrics);
      lifecycle.add("client", client);
      serverVersion = awaitServer(client);
      LOG.info("Connected to the API server at {} ({})", client.server(), serverVersion);
      for (ServingEndpoint endpoint : component.servingEndpoints()) {
        SSLContext tls = ServingTls.context(endpoint, clock);
        lifecycle.add(endpoint.name(), HealthServer.start(endpoint, tls, health, metrics));
      }
      component.start(this);
      LOG.info("{} started", name);
    } catch (ServerUnreachable | ConfigException e) {
      // an operator's mistake, not a bug: the message says it all
      return failed(e.getMessage(), null);
    } catch (Exception e) {
      return failed(e.getMessage(), e);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop("interrupted");
    }
    return exitCode;
  }

  private int failed(String message, Exception cause) {
    LOG.error("{} failed to start: {}", name, message, cause);
    exitCode = 1;
    stop("failed to start");
    return exitCode;
  }

  private String awaitServer(KubeClient client) throws InterruptedException {
    Instant deadline = clock.instant().plus(connectTimeout);
    while (true) {
      try {
        return connector.serverVersion(client);
      } catch (ApiException e) {
        // a server that answers 401/403 will not change its mind; one that is not up yet may
        if (e.isUnauthorized() || e.isForbidden() || !clock.instant().isBefore(deadline)) {
          throw new ServerUnreachable(
              "cannot reach the API server at "
                  + client.server()
                  + " (check --kubeconfig and --master): "
                  + e.getMessage(),
              e);
        }
        LOG.info("Waiting for the API server at {}: {}", client.server(), e.getMessage());
        Thread.sleep(RETRY.toMillis());
      }
    }
  }

  private void stop(String reason) {
    if (!lifecycle.stopping()) {
      LOG.info("Stopping {} ({})", name, reason);
    }
    lifecycle.stop();
    stopped.countDown();
  }

  private String userAgent() {
    return String.format(
        Locale.ROOT,
        "%s/%s (%s/%s) kubernetes/minik8s",
        name,
        ComponentRuntime.KUBERNETES_VERSION,
        System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT),
        System.getProperty("os.arch", "unknown"));
  }

  @Override
  public KubeClient client() {
    return client;
  }

  @Override
  public synchronized SharedInformerFactory informers() {
    if (informers == null) {
      AtomicInteger threads = new AtomicInteger();
      ExecutorService executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "informer-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      lifecycle.add("informer threads", executor::shutdownNow);
      informers = new SharedInformerFactory(client, Duration.ZERO, executor, clock, metrics);
      lifecycle.add("informers", informers);
    }
    return informers;
  }

  @Override
  public String serverVersion() {
    return serverVersion;
  }

  @Override
  public ComponentMetrics metrics() {
    return metrics;
  }

  @Override
  public HealthChecks health() {
    return health;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void onStop(String resource, AutoCloseable closeable) {
    lifecycle.add(resource, closeable);
  }

  @Override
  public void shutdown(int code, String reason) {
    exitCode = code;
    // on a thread of its own: the caller may be one of the threads the stop ends
    new Thread(() -> stop(reason), name + "-stop").start();
  }

  /** The API server did not answer /version in time, or refused the credentials. */
  private static final class ServerUnreachable extends RuntimeException {
    ServerUnreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
