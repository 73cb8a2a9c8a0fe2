package io.minik8s.client.component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.WatchListener.EventType;
import io.minik8s.client.cache.InformerMetrics;
import io.minik8s.client.workqueue.WorkQueueMetrics;
import io.minik8s.client.workqueue.WorkQueueMetricsProvider;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One process' metrics, served as Prometheus text on {@code /metrics}: the JVM and process, and
 * client-go's series under their upstream names, fed by the hooks the client library calls:
 *
 * <ul>
 *   <li>{@code rest_client_requests_total{code,method}}, {@code
 *       rest_client_request_duration_seconds{verb,code}} and {@code
 *       rest_client_rate_limiter_duration_seconds{verb}} ({@link RequestMetrics});
 *   <li>{@code workqueue_depth}, {@code _adds_total}, {@code _retries_total}, {@code
 *       _queue_duration_seconds} and {@code _work_duration_seconds}, by queue name ({@link
 *       WorkQueueMetricsProvider});
 *   <li>{@code informer_events_total}, {@code _relists_total}, {@code _list_duration_seconds} and
 *       {@code _handler_lag_seconds}, by resource ({@link InformerMetrics}).
 * </ul>
 *
 * <p>Components register their own meters on {@link #registry()}.
 */
public final class ComponentMetrics
    implements RequestMetrics, WorkQueueMetricsProvider, InformerMetrics, AutoCloseable {
  /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  // client-go's buckets for request latency (rest_client_request_duration_seconds)
  private static final Duration[] REQUEST_BUCKETS =
      seconds(0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60);
  // client-go's workqueue buckets: 10ns to 1000s in powers of ten
  private static final Duration[] WORKQUEUE_BUCKETS =
      seconds(1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public ComponentMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** Where components register their own meters. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in Prometheus' text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void request(String verb, String code, Duration latency) {
    Counter.builder("rest.client.requests")
        .description("Number of HTTP requests, partitioned by status code and method.")
        .tags("code", code, "method", verb)
        .register(registry)
        .increment();
    Timer.builder("rest.client.request.duration")
        .description("Request latency in seconds, broken down by verb and status code.")
        .tags("verb", verb, "code", code)
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry)
        .record(latency);
  }

  @Override
  public void rateLimiterWait(String verb, Duration waited) {
    Timer.builder("rest.client.rate.limiter.duration")
        .description("Client side rate limiter latency in seconds, broken down by verb.")
        .tags("verb", verb)
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry)
        .record(waited);
  }

  @Override
  public WorkQueueMetrics forQueue(String name) {
    return new QueueMeters(name);
  }

  @Override
  public void listed(ResourceType type, int items, Duration duration) {
    Timer.builder("informer.list.duration")
        .description("How long an informer's (re-)list took, all pages.")
        .tags("resource", resource(type))
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry)
        .record(duration);
  }

  @Override
  public void eventReceived(ResourceType type, EventType eventType) {
    Counter.builder("informer.events")
        .description("Watch events an informer received, by type.")
        .tags("resource", resource(type), "type", eventType.name())
        .register(registry)
        .increment();
  }

  @Override
  public void relisted(ResourceType type, String reason) {
    Counter.builder("informer.relists")
        .description("Times an informer's reflector listed again, by reason (e.g. Expired).")
        .tags("resource", resource(type), "reason", reason == null ? "" : reason)
        .register(registry)
        .increment();
  }

  @Override
  public void handlerLag(ResourceType type, Duration lag) {
    Timer.builder("informer.handler.lag")
        .description("From an informer storing a change to a handler being called with it.")
        .tags("resource", resource(type))
        .serviceLevelObjectives(WORKQUEUE_BUCKETS)
        .register(registry)
        .record(lag);
  }

  /** "pods", "deployments.apps": the resource as upstream's metrics and RBAC name it. */
  private static String resource(ResourceType type) {
    return type.group().isEmpty() ? type.resource() : type.resource() + "." + type.group();
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
    }
    return durations;
  }

  /** client-go's workqueue series of one queue. */
  private final class QueueMeters implements WorkQueueMetrics {
    private final AtomicInteger depth = new AtomicInteger();
    private final Counter adds;
    private final Counter retries;
    private final Timer queueDuration;
    private final Timer workDuration;

    QueueMeters(String name) {
      Gauge.builder("workqueue.depth", depth, AtomicInteger::get)
          .description("Current depth of workqueue.")
          .tag("name", name)
          .register(registry);
      adds =
          Counter.builder("workqueue.adds")
              .description("Total number of adds handled by workqueue.")
              .tag("name", name)
              .register(registry);
      retries =
          Counter.builder("workqueue.retries")
              .description("Total number of retries handled by workqueue.")
              .tag("name", name)
              .register(registry);
      queueDuration =
          Timer.builder("workqueue.queue.duration")
              .description("How long in seconds an item stays in workqueue before being requested.")
              .tag("name", name)
              .serviceLevelObjectives(WORKQUEUE_BUCKETS)
              .register(registry);
      workDuration =
          Timer.builder("workqueue.work.duration")
              .description("How long in seconds processing an item from workqueue takes.")
              .tag("name", name)
              .serviceLevelObjectives(WORKQUEUE_BUCKETS)
              .register(registry);
    }

    @Override
    public void depth(int value) {
      depth.set(value);
    }

    @Override
    public void added() {
      adds.increment();
    }

    @Override
    public void queueLatency(Duration waited) {
      queueDuration.record(waited);
    }

    @Override
    public void workDuration(Duration worked) {
      workDuration.record(worked);
    }

    @Override
    public void retried() {
      retries.increment();
    }
  }
}
