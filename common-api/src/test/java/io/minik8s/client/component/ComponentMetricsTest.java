package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.WatchListener.EventType;
import io.minik8s.client.workqueue.WorkQueueMetrics;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exposition carries client-go's series under their upstream names. */
class ComponentMetricsTest {
  private final ComponentMetrics metrics = new ComponentMetrics();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void countsRequestsByCodeAndMethodAndTimesThemInClientGosBuckets() {
    metrics.request("GET", "200", Duration.ofMillis(20));
    metrics.request("GET", "200", Duration.ofMillis(200));
    metrics.request("PUT", "409", Duration.ofMillis(2));
    metrics.request("GET", "<error>", Duration.ofSeconds(1));
    metrics.rateLimiterWait("GET", Duration.ofMillis(50));

    assertThat(metrics.scrape())
        .contains("rest_client_requests_total{code=\"200\",method=\"GET\"} 2.0")
        .contains("rest_client_requests_total{code=\"409\",method=\"PUT\"} 1.0")
        .contains("rest_client_requests_total{code=\"<error>\",method=\"GET\"} 1.0")
        .contains(
            "rest_client_request_duration_seconds_bucket{code=\"200\",verb=\"GET\","
                + "le=\"0.025\"} 1")
        .contains(
            "rest_client_request_duration_seconds_bucket{code=\"200\",verb=\"GET\","
                + "le=\"0.25\"} 2")
        .contains("rest_client_request_duration_seconds_count{code=\"409\",verb=\"PUT\"} 1")
        .contains("rest_client_rate_limiter_duration_seconds_count{verb=\"GET\"} 1");
  }

  @Test
  void exportsEachQueuesDepthAddsRetriesAndLatencies() {
    WorkQueueMetrics queue = metrics.forQueue("replicaset");
    queue.added();
    queue.added();
    queue.depth(2);
    queue.queueLatency(Duration.ofMillis(5));
    queue.depth(1);
    queue.workDuration(Duration.ofMillis(30));
    queue.retried();

    assertThat(metrics.scrape())
        .contains("workqueue_depth{name=\"replicaset\"} 1.0")
        .contains("workqueue_adds_total{name=\"replicaset\"} 2.0")
        .contains("workqueue_retries_total{name=\"replicaset\"} 1.0")
        .contains("workqueue_queue_duration_seconds_count{name=\"replicaset\"} 1")
        .contains("workqueue_work_duration_seconds_bucket{name=\"replicaset\",le=\"0.1\"} 1");
  }

  @Test
  void exportsInformerEventsRelistsAndHandlerLagByResource() {
    ResourceRegistry registry = ResourceRegistry.builtIn();
    var pods = registry.findByClass(Pod.class).orElseThrow();
    var deployments = registry.findByClass(Deployment.class).orElseThrow();
    metrics.listed(pods, 3, Duration.ofMillis(40));
    metrics.eventReceived(pods, EventType.ADDED);
    metrics.eventReceived(pods, EventType.ADDED);
    metrics.eventReceived(deployments, EventType.DELETED);
    metrics.relisted(pods, "Expired");
    metrics.handlerLag(pods, Duration.ofMillis(2));

    assertThat(metrics.scrape())
        .contains("informer_events_total{resource=\"pods\",type=\"ADDED\"} 2.0")
        .contains("informer_events_total{resource=\"deployments.apps\",type=\"DELETED\"} 1.0")
        .contains("informer_relists_total{reason=\"Expired\",resource=\"pods\"} 1.0")
        .contains("informer_list_duration_seconds_count{resource=\"pods\"} 1")
        .contains("informer_handler_lag_seconds_count{resource=\"pods\"} 1");
  }

  @Test
  void exportsTheJvmAndProcess() {
    assertThat(metrics.scrape())
        .contains("jvm_memory_used_bytes")
        .contains("process_start_time_seconds")
        .contains("jvm_threads_live_threads");
  }
}
