package io.minik8s.client.rest;

import static io.minik8s.client.rest.Fixtures.configMap;
import static io.minik8s.client.rest.Fixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ApiException;
import io.minik8s.apiserver.it.TestApiServer;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Watches through the client against a real API server: order, bookmarks, ends and 410. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestWatchIT {
  static TestApiServer server;
  static RestKubeClient client;

  @BeforeAll
  static void start() {
    server = TestApiServer.start("--watch-bookmark-interval=300ms");
    client = KubeClients.create(ClientConfig.forServer(server.url()).withRateLimits(100, 200));
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  /** One recorded listener call. */
  record Call(String what, ConfigMap object, Status status, Throwable cause) {}

  /** Queues every listener call for the test thread. */
  static final class Recorder implements WatchListener<ConfigMap> {
    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(EventType type, ConfigMap object) {
      calls.add(new Call(type.name(), object, null, null));
    }

    @Override
    public void onError(Status status) {
      calls.add(new Call("ERROR", null, status, null));
    }

    @Override
    public void onClose(Throwable cause) {
      calls.add(new Call("CLOSE", null, null, cause));
    }

    Call next() throws InterruptedException {
      Call call = calls.poll(20, TimeUnit.SECONDS);
      assertThat(call).as("a listener call within 20 s").isNotNull();
      return call;
    }

    /** The next call that is not a bookmark. */
    Call nextChange() throws InterruptedException {
      Call call = next();
      while (call.what().equals("BOOKMARK")) {
        call = next();
      }
      return call;
    }
  }

  private static String rv(ConfigMap cm) {
    return cm.getMetadata().getResourceVersion();
  }

  @Test
  void everyCreateUpdateAndDeleteArrivesOnceInOrderFromTheListsRevision() throws Exception {
    String ns = namespace(client, "watch-order");
    ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
    cms.create(configMap(ns, "before", "0"));
    String listRv = cms.list(ns, ListOptions.NONE).resourceVersion();
    Recorder recorder = new Recorder();
    try (ResourceClient.Watch w =
        cms.watch(ns, ListOptions.NONE.withResourceVersion(listRv), recorder)) {
      ConfigMap a = cms.create(configMap(ns, "a", "1"));
      ConfigMap a2 = cms.update(new ConfigMapBuilder(a).withData(Map.of("v", "2")).build());
      ConfigMap b = cms.create(configMap(ns, "b", "1"));
      cms.delete(ns, "a", null);

      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Call c = recorder.nextChange();
        seen.add(
            c.what()
                + " "
                + c.object().getMetadata().getName()
                + " "
                + c.object().getData().get("v"));
        if (i == 1) {
          assertThat(rv(c.object())).isEqualTo(rv(a2));
        }
        if (i == 2) {
          assertThat(rv(c.object())).isEqualTo(rv(b));
        }
      }
      assertThat(seen).containsExactly("ADDED a 1", "MODIFIED a 2", "ADDED b 1", "DELETED a 2");
      assertThat(recorder.calls.poll(300, TimeUnit.MILLISECONDS))
          .satisfiesAnyOf(
              c -> assertThat(c).isNull(), c -> assertThat(c.what()).isEqualTo("BOOKMARK"));
    }
    assertThat(recorder.calls.stream().map(Call::what)).contains("CLOSE");
  }

  @Test
  void aLabelSelectorLimitsTheEvents() throws Exception {
    String ns = namespace(client, "watch-select");
    ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
    Recorder recorder = new Recorder();
    try (ResourceClient.Watch w = cms.watch(ns, ListOptions.labels("pick=yes"), recorder)) {
      cms.create(
          new ConfigMapBuilder(configMap(ns, "skip", "1"))
              .editMetadata()
              .addToLabels("pick", "no")
              .endMetadata()
              .build());
      cms.create(
          new ConfigMapBuilder(configMap(ns, "take", "1"))
              .editMetadata()
              .addToLabels("pick", "yes")
              .endMetadata()
              .build());
      Call c = recorder.nextChange();
      assertThat(c.what()).isEqualTo("ADDED");
      assertThat(c.object().getMetadata().getName()).isEqualTo("take");
    }
  }

  @Test
  void bookmarksCarryTheRevisionOfWritesTheWatchDoesNotSee() throws Exception {
    String quiet = namespace(client, "watch-bookmark");
    String busy = namespace(client, "watch-bookmark-busy");
    ResourceClient<ConfigMap> cms = client.resources(ConfigMap.class);
    String from = cms.list(quiet, ListOptions.NONE).resourceVersion();
    Recorder recorder = new Recorder();
    try (ResourceClient.Watch w =
        cms.watch(
            quiet, ListOptions.NONE.withResourceVersion(from).withBookmarks(true), recorder)) {
      long written = Long.parseLong(rv(cms.create(configMap(busy, "moves-the-revision", "1"))));
      Call c = recorder.next();
      while (c.what().equals("BOOKMARK") && Long.parseLong(rv(c.object())) < written) {
        c = recorder.next();
      }
      assertThat(c.what()).isEqualTo("BOOKMARK");
      assertThat(c.object().getMetadata().getName()).isNull();
    }
  }

  @Test
  void theServersTimeoutEndsTheWatchNormally() throws Exception {
    Recorder recorder = new Recorder();
    client
        .resources(ConfigMap.class)
        .watch("default", ListOptions.NONE.withTimeoutSeconds(1), recorder);
    Call c = recorder.nextChange();
    assertThat(c.what()).isEqualTo("CLOSE");
    assertThat(c.cause()).isNull();
  }

  @Test
  void closingTheWatchEndsItAtOnce() throws Exception {
    Recorder recorder = new Recorder();
    ResourceClient.Watch w =
        client.resources(ConfigMap.class).watch("default", ListOptions.NONE, recorder);
    w.close();
    assertThat(recorder.calls.poll())
        .extracting(Call::what, Call::cause)
        .containsExactly("CLOSE", null);
    assertThat(client.openWatches()).isZero();
  }

  @Test
  void aWatchFromACompactedRevisionReportsExpiredAndClosesWithGone() throws Exception {
    try (EtcdServer etcd = EtcdServer.start()) {
      TestApiServer api = TestApiServer.start(etcd, "/registry-client-compacted");
      try {
        RestKubeClient first = KubeClients.create(ClientConfig.forServer(api.url()));
        String from = rv(first.resources(ConfigMap.class).create(configMap("default", "o1", "1")));
        first.resources(ConfigMap.class).create(configMap("default", "o2", "1"));
        first.close();
        // a restarted server's watch cache starts after these writes: only etcd has them
        api = api.restart();
        RestKubeClient after = KubeClients.create(ClientConfig.forServer(api.url()));
        String newest = rv(after.resources(ConfigMap.class).create(configMap("default", "n", "1")));
        etcd.etcdctl("compact", newest);

        Recorder recorder = new Recorder();
        after
            .resources(ConfigMap.class)
            .watch("default", ListOptions.NONE.withResourceVersion(from), recorder);
        Call error = recorder.next();
        assertThat(error.what()).isEqualTo("ERROR");
        assertThat(error.status().getCode()).isEqualTo(410);
        assertThat(error.status().getReason()).isEqualTo("Expired");
        Call close = recorder.next();
        assertThat(close.what()).isEqualTo("CLOSE");
        assertThat(close.cause())
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.isGone()).isTrue());
        after.close();
      } finally {
        api.close();
      }
    }
  }

  @Test
  void aServerThatGoesAwayEndsTheWatch() throws Exception {
    TestApiServer own = TestApiServer.start();
    RestKubeClient c = KubeClients.create(ClientConfig.forServer(own.url()));
    Recorder recorder = new Recorder();
    c.resources(ConfigMap.class).watch("default", ListOptions.NONE, recorder);
    own.close();
    Call close = recorder.nextChange();
    assertThat(close.what()).isEqualTo("CLOSE");
    assertThat(close.cause())
        .as("a normal end or a broken connection, never a hang")
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t -> assertThat(t).isInstanceOf(ConnectionException.class));
    assertThat(c.openWatches()).isZero();
    c.close();
  }
}
