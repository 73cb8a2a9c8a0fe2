package io.minik8s.client.cache;

import static io.minik8s.client.cache.Fixtures.atVersion;
import static io.minik8s.client.cache.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The informer's store with handlers called on the writing thread: what each change to the cache
 * tells the handlers, including re-lists, tombstones, resyncs and late handlers.
 */
class ProcessorStoreTest {
  private final TestClock clock = new TestClock();
  private final Cache<ConfigMap> cache = Cache.withNamespaceIndex();
  private final ProcessorStore<ConfigMap> store =
      new ProcessorStore<>(cache, new SharedProcessor<>(), clock);

  private RecordingHandler<ConfigMap> handler(Duration resyncPeriod) {
    RecordingHandler<ConfigMap> handler = new RecordingHandler<>();
    store.addListener(
        new ProcessorListener<>(handler, resyncPeriod, Runnable::run, clock, l -> {}));
    return handler;
  }

  private static ConfigMap cm(String name, long rv) {
    return atVersion(configMap("ns", name), rv);
  }

  @Test
  void theFirstListArrivesAsInitialAddsAndMarksTheStoreSynced() {
    RecordingHandler<ConfigMap> handler = handler(Duration.ZERO);

    store.replace(List.of(cm("a", 1), cm("b", 2)), "2");

    assertThat(store.hasSynced()).isTrue();
    assertThat(handler.all()).containsExactly("add ns/a@1 initial", "add ns/b@2 initial");
  }

  @Test
  void watchEventsBecomeAddsUpdatesAndDeletesWithTheOldAndNewVersions() {
    RecordingHandler<ConfigMap> handler = handler(Duration.ZERO);
    store.replace(List.of(), "1");

    store.add(cm("a", 2));
    store.update(cm("a", 3));
    store.delete(cm("a", 4));

    assertThat(handler.all()).containsExactly("add ns/a@2", "update ns/a@2->3", "delete ns/a@4");
    assertThat(cache.list()).isEmpty();
  }

  @Test
  void anAddOfAKnownObjectIsAnUpdateAndADeleteOfAnUnknownOneIsNothing() {
    RecordingHandler<ConfigMap> handler = handler(Duration.ZERO);
    store.replace(List.of(cm("a", 1)), "1");

    store.add(cm("a", 2));
    store.delete(cm("never-seen", 3));

    assertThat(handler.all()).containsExactly("add ns/a@1 initial", "update ns/a@1->2");
  }

  @Test
  void aRelistDeliversWhatChangedMeanwhileAndDeletesOfVanishedObjectsAsTombstones() {
    RecordingHandler<ConfigMap> handler = handler(Duration.ZERO);
    store.replace(List.of(cm("kept", 1), cm("changed", 2), cm("vanished", 3)), "3");

    store.replace(List.of(cm("kept", 1), cm("changed", 5), cm("new", 6)), "7");

    assertThat(handler.all())
        .containsExactly(
            "add ns/kept@1 initial",
            "add ns/changed@2 initial",
            "add ns/vanished@3 initial",
            "update ns/changed@2->5",
            "add ns/new@6",
            "delete ns/vanished@3 unknown");
    assertThat(cache.listKeys()).containsExactlyInAnyOrder("ns/kept", "ns/changed", "ns/new");
  }

  @Test
  void unchangedObjectsOfARelistGoOnlyToHandlersThatAskedForResyncs() {
    RecordingHandler<ConfigMap> plain = handler(Duration.ZERO);
    RecordingHandler<ConfigMap> resyncing = handler(Duration.ofMinutes(1));
    store.replace(List.of(cm("a", 1)), "1");

    store.replace(List.of(cm("a", 1)), "9");

    assertThat(plain.all()).containsExactly("add ns/a@1 initial");
    assertThat(resyncing.all()).containsExactly("add ns/a@1 initial", "update ns/a@1->1");
  }

  @Test
  void aResyncGivesEveryObjectAgainToTheHandlersWhosePeriodHasPassed() {
    RecordingHandler<ConfigMap> never = handler(Duration.ZERO);
    RecordingHandler<ConfigMap> everyMinute = handler(Duration.ofMinutes(1));
    RecordingHandler<ConfigMap> everyHour = handler(Duration.ofHours(1));
    store.replace(List.of(cm("a", 1), cm("b", 2)), "2");

    store.resync();
    clock.advance(Duration.ofSeconds(61));
    store.resync();
    store.resync();

    assertThat(never.all()).hasSize(2);
    assertThat(everyHour.all()).hasSize(2);
    assertThat(everyMinute.all().subList(2, everyMinute.all().size()))
        .containsExactlyInAnyOrder("update ns/a@1->1", "update ns/b@2->2");

    clock.advance(Duration.ofHours(1));
    store.resync();

    assertThat(everyHour.all()).hasSize(4);
    assertThat(everyMinute.all()).hasSize(6);
  }

  @Test
  void aHandlerAddedAfterTheSyncGetsTheCacheAsInitialAddsThenLiveChanges() {
    store.replace(List.of(cm("a", 1), cm("b", 2)), "2");
    store.update(cm("a", 3));

    RecordingHandler<ConfigMap> late = handler(Duration.ZERO);
    store.delete(cm("b", 4));

    assertThat(late.all())
        .containsExactlyInAnyOrder("add ns/a@3 initial", "add ns/b@2 initial", "delete ns/b@4");
    assertThat(late.all().get(2)).isEqualTo("delete ns/b@4");
  }

  @Test
  void aRegistrationHasSyncedOnceItsHandlerReceivedTheInitialList() {
    ProcessorListener<ConfigMap> early =
        new ProcessorListener<>(
            new RecordingHandler<>(), Duration.ZERO, Runnable::run, clock, l -> {});
    store.addListener(early);
    assertThat(early.hasSynced()).isFalse();

    store.replace(List.of(cm("a", 1)), "1");
    assertThat(early.hasSynced()).isTrue();

    ProcessorListener<ConfigMap> late =
        new ProcessorListener<>(
            new RecordingHandler<>(), Duration.ZERO, Runnable::run, clock, l -> {});
    store.addListener(late);
    assertThat(late.hasSynced()).isTrue();
  }
}
