package io.minik8s.client.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.KubeClient;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.KubeClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event recorder writing to a real API server: Events created, repeats counted. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventRecorderIT {
  static TestApiServer server;
  static KubeClient client;
  static EventBroadcaster broadcaster;
  static EventRecorder recorder;
  static ResourceClient<Event> events;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    client = KubeClients.create(ClientConfig.forServer(server.url()).withRateLimits(100, 200));
    events = client.resources(Event.class);
    broadcaster =
        new EventBroadcaster(
            events, client.registry(), Clock.systemUTC(), r -> new Thread(r, "event-writer"));
    broadcaster.start();
    recorder = broadcaster.newRecorder("default-scheduler", "node-a");
  }

  @AfterAll
  static void stop() {
    broadcaster.close();
    client.close();
    server.close();
  }

  @Test
  void recordsAnEventAboutAPodInItsNamespace() {
    Pod pod = pod("events-one", "web-1");

    recorder.event(pod, EventType.NORMAL, "Scheduled", "Successfully assigned to node-1");

    Event e = awaitEvents("events-one", 1).get(0);
    assertThat(e.getMetadata().getName()).startsWith("web-1.");
    assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
    assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("v1");
    assertThat(e.getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("Scheduled");
    assertThat(e.getMessage()).isEqualTo("Successfully assigned to node-1");
    assertThat(e.getCount()).isEqualTo(1);
    assertThat(e.getSource().getComponent()).isEqualTo("default-scheduler");
    assertThat(e.getSource().getHost()).isEqualTo("node-a");
    assertThat(e.getReportingComponent()).isEqualTo("default-scheduler");
    assertThat(e.getReportingInstance()).isEqualTo("node-a");
    assertThat(e.getFirstTimestamp()).isEqualTo(e.getLastTimestamp());
  }

  @Test
  void aggregatesRepeatsOfAnEventIntoItsCount() {
    Pod pod = pod("events-repeat", "crashy");
    recorder.event(pod, EventType.WARNING, "BackOff", "Back-off restarting failed container");
    Event first = awaitEvents("events-repeat", 1).get(0);

    // a second later, so that lastTimestamp (whole seconds) moves
    await().atMost(Duration.ofSeconds(5)).until(() -> secondsSince(first) >= 1);
    for (int i = 0; i < 4; i++) {
      recorder.event(pod, EventType.WARNING, "BackOff", "Back-off restarting failed container");
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> list("events-repeat").stream().anyMatch(e -> e.getCount() == 5));
    List<Event> all = list("events-repeat");
    assertThat(all).hasSize(1);
    Event counted = all.get(0);
    assertThat(counted.getMetadata().getName()).isEqualTo(first.getMetadata().getName());
    assertThat(counted.getFirstTimestamp()).isEqualTo(first.getFirstTimestamp());
    assertThat(Instant.parse(counted.getLastTimestamp()))
        .isAfter(Instant.parse(first.getLastTimestamp()));
  }

  @Test
  void recordsEventsAboutClusterScopedObjectsInTheDefaultNamespace() {
    Node node =
        client
            .resources(Node.class)
            .create(
                new NodeBuilder().withNewMetadata().withName("events-node").endMetadata().build());

    recorder.eventf(node, EventType.WARNING, "NodeNotReady", "Node %s is not ready", "events-node");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                events.list("default", ListOptions.NONE).items().stream()
                    .anyMatch(
                        e ->
                            e.getInvolvedObject().getName().equals("events-node")
                                && e.getInvolvedObject().getKind().equals("Node")
                                && e.getMessage().equals("Node events-node is not ready")));
  }

  private static long secondsSince(Event e) {
    return Duration.between(Instant.parse(e.getFirstTimestamp()), Instant.now()).toSeconds();
  }

  private static List<Event> awaitEvents(String namespace, int n) {
    await().atMost(Duration.ofSeconds(30)).until(() -> list(namespace).size() == n);
    return list(namespace);
  }

  private static List<Event> list(String namespace) {
    return events.list(namespace, ListOptions.NONE).items();
  }

  private static Pod pod(String namespace, String name) {
    client
        .resources(Namespace.class)
        .create(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
    return client
        .resources(Pod.class)
        .create(
            new PodBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .build());
  }
}
