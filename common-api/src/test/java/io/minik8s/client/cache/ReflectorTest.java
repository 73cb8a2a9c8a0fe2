package io.minik8s.client.cache;

import static io.minik8s.client.cache.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ListOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reflector's list/watch protocol against an in-memory server, seen through an informer. */
@Timeout(30)
class ReflectorTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final FakeResourceClient<ConfigMap> server = new FakeResourceClient<>(ConfigMap.class);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> relists = new CopyOnWriteArrayList<>();
  private final InformerMetrics metrics =
      new InformerMetrics() {
        @Override
        public void relisted(ResourceType type, String reason) {
          relists.add(reason);
        }
      };
  private final RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
  private DefaultSharedIndexInformer<ConfigMap> informer;

  @AfterEach
  void stop() {
    if (informer != null) {
      informer.stop();
    }
    executor.shutdownNow();
  }

  private void startInformer(InformerScope scope) {
    informer =
        new DefaultSharedIndexInformer<>(
            ListerWatcher.of(server, scope),
            Duration.ZERO,
            executor,
            Clock.systemUTC(),
            () -> Duration.ofMillis(10),
            metrics);
    informer.addEventHandler(handler);
    informer.start();
    await().atMost(DEADLINE).until(informer::hasSynced);
  }

  private void awaitWatches(int n) {
    await()
        .atMost(DEADLINE)
        .until(() -> server.watchCalls.size() >= n && server.openWatches() == 1);
  }

  private String rv(ConfigMap written) {
    return written.getMetadata().getResourceVersion();
  }

  @Test
  void listsAtVersionZeroInPagesThenWatchesFromTheListsVersionWithBookmarksAndARandomTimeout() {
    server.create(configMap("ns", "a"));
    String listed = rv(server.create(configMap("ns", "b")));

    startInformer(InformerScope.ALL);
    awaitWatches(1);

    ListOptions list = server.listCalls.get(0);
    assertThat(list.resourceVersion()).isEqualTo("0");
    assertThat(list.limit()).isEqualTo(500);
    ListOptions watch = server.watchCalls.get(0);
    assertThat(watch.resourceVersion()).isEqualTo(listed);
    assertThat(watch.allowWatchBookmarks()).isTrue();
    assertThat(watch.timeoutSeconds()).isBetween(300L, 599L);
    assertThat(handler.next(2)).containsExactly("add ns/a@101 initial", "add ns/b@102 initial");
    assertThat(informer.lastSyncResourceVersion()).isEqualTo(listed);
  }

  @Test
  void aWatchThatEndsIsReopenedFromTheLastVersionSeenWithoutRelisting() {
    startInformer(InformerScope.ALL);
    awaitWatches(1);
    String last = rv(server.create(configMap("ns", "a")));
    assertThat(handler.next()).isEqualTo("add ns/a@" + last);

    server.closeWatches();
    awaitWatches(2);
    server.create(configMap("ns", "b"));

    assertThat(handler.next()).startsWith("add ns/b@");
    assertThat(server.watchCalls.get(1).resourceVersion()).isEqualTo(last);
    assertThat(server.listCalls).hasSize(1);
  }

  @Test
  void aBookmarkMovesTheVersionTheNextWatchStartsFrom() {
    startInformer(InformerScope.namespace("watched"));
    awaitWatches(1);
    server.create(configMap("elsewhere", "x"));
    String bookmarked = Long.toString(server.revision());

    server.bookmark();
    await().atMost(DEADLINE).until(() -> informer.lastSyncResourceVersion().equals(bookmarked));
    server.closeWatches();
    awaitWatches(2);

    assertThat(server.watchCalls.get(1).resourceVersion()).isEqualTo(bookmarked);
    assertThat(server.listCalls).hasSize(1);
  }

  @Test
  void aWatchAnsweringGoneRelistsAndDeliversDeletesMissedMeanwhileAsTombstones() {
    server.create(configMap("ns", "a"));
    server.create(configMap("ns", "b"));
    startInformer(InformerScope.ALL);
    awaitWatches(1);
    String last = rv(server.create(configMap("ns", "x")));
    assertThat(handler.next(3))
        .containsExactly("add ns/a@101 initial", "add ns/b@102 initial", "add ns/x@" + last);

    // the server goes away; meanwhile a is deleted, b changed, c created, and history compacted
    server.refuseConnections(true);
    server.delete("ns", "a", null);
    String b = rv(server.update(configMap("ns", "b", "2")));
    String c = rv(server.create(configMap("ns", "c")));
    server.compact();
    server.refuseConnections(false);

    assertThat(handler.next(3))
        .containsExactly("update ns/b@102->" + b, "add ns/c@" + c, "delete ns/a@101 unknown");
    assertThat(server.listCalls).hasSize(2);
    assertThat(server.listCalls.get(1).resourceVersion()).isEqualTo(last);
    assertThat(server.listCalls.get(1).limit()).isZero();
    assertThat(relists).containsExactly("Expired");
    assertThat(informer.indexer().listKeys()).containsExactlyInAnyOrder("ns/b", "ns/c", "ns/x");
  }

  @Test
  void aRefusedConnectionDelaysTheNextWatchWhichResumesWithoutRelisting() {
    startInformer(InformerScope.ALL);
    awaitWatches(1);
    server.create(configMap("ns", "a"));
    assertThat(handler.next()).startsWith("add ns/a@");

    server.refuseConnections(true);
    int before = server.watchCalls.size();
    await().atMost(DEADLINE).until(() -> server.watchCalls.size() >= before + 3);
    String b = rv(server.create(configMap("ns", "b")));
    server.refuseConnections(false);

    assertThat(handler.next()).isEqualTo("add ns/b@" + b);
    assertThat(server.listCalls).hasSize(1);
  }

  @Test
  void aListAnsweringGoneIsRetriedAtTheServersLatestVersion() {
    server.failNextList(ApiException.expired("too old resource version"));

    startInformer(InformerScope.ALL);

    assertThat(server.listCalls).hasSize(2);
    assertThat(server.listCalls.get(1).resourceVersion()).isNull();
    assertThat(server.listCalls.get(1).limit()).isEqualTo(500);
  }

  @Test
  void aWatchRefusedWith429IsRetriedWithoutRelisting() {
    server.failNextWatch(ApiException.tooManyRequests(1));

    startInformer(InformerScope.ALL);
    awaitWatches(2);

    assertThat(server.listCalls).hasSize(1);
  }

  @Test
  void aWatchRefusedWithAnotherErrorRelistsAfterABackoff() {
    server.failNextWatch(ApiException.internal("boom"));

    startInformer(InformerScope.ALL);
    awaitWatches(2);

    assertThat(server.listCalls).hasSize(2);
    assertThat(relists).containsExactly("Error");
  }

  @Test
  void stoppingClosesTheWatch() {
    startInformer(InformerScope.ALL);
    awaitWatches(1);

    informer.stop();

    await().atMost(DEADLINE).until(() -> server.openWatches() == 0);
    assertThat(informer.isStopped()).isTrue();
  }

  @Test
  void whileWatchingTheStoreIsResyncedEveryCheckPeriod() {
    AtomicInteger resyncs = new AtomicInteger();
    Reflector<ConfigMap> reflector =
        new Reflector<>(
            ListerWatcher.of(server, InformerScope.ALL),
            new CountingResyncs(Cache.withNamespaceIndex(), resyncs),
            () -> Duration.ofMillis(10),
            Clock.systemUTC(),
            () -> Duration.ofMillis(20),
            InformerMetrics.NONE);
    executor.execute(reflector::run);
    try {
      await().atMost(DEADLINE).until(() -> resyncs.get() >= 3);
    } finally {
      reflector.stop();
    }
  }

  /** A store that counts its resyncs. */
  private record CountingResyncs(Cache<ConfigMap> cache, AtomicInteger resyncs)
      implements Store<ConfigMap> {
    @Override
    public void add(ConfigMap obj) {
      cache.add(obj);
    }

    @Override
    public void update(ConfigMap obj) {
      cache.update(obj);
    }

    @Override
    public void delete(ConfigMap obj) {
      cache.delete(obj);
    }

    @Override
    public List<ConfigMap> list() {
      return cache.list();
    }

    @Override
    public List<String> listKeys() {
      return cache.listKeys();
    }

    @Override
    public Optional<ConfigMap> get(ConfigMap obj) {
      return cache.get(obj);
    }

    @Override
    public Optional<ConfigMap> getByKey(String key) {
      return cache.getByKey(key);
    }

    @Override
    public void replace(List<ConfigMap> list, String resourceVersion) {
      cache.replace(list, resourceVersion);
    }

    @Override
    public void resync() {
      resyncs.incrementAndGet();
    }
  }
}
