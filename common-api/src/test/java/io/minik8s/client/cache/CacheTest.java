package io.minik8s.client.cache;

import static io.minik8s.client.cache.Fixtures.configMap;
import static io.minik8s.client.cache.Fixtures.node;
import static io.minik8s.client.cache.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheTest {

  private static Cache<Pod> podCache() {
    return new Cache<>(
        Cache::metaNamespaceKey,
        Map.of(
            Cache.NAMESPACE_INDEX, Cache.namespaceIndexFunc(),
            Cache.NODE_NAME_INDEX, Cache.podNodeNameIndexFunc()));
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).sorted().toList();
  }

  @Test
  void keysNamespacedObjectsByNamespaceAndNameAndClusterScopedOnesByName() {
    assertThat(Cache.metaNamespaceKey(configMap("default", "web"))).isEqualTo("default/web");
    assertThat(Cache.metaNamespaceKey(node("node-1"))).isEqualTo("node-1");
  }

  @Test
  void theNamespaceIndexAnswersWhichObjectsLiveInANamespace() {
    Cache<ConfigMap> cache = Cache.withNamespaceIndex();
    cache.add(configMap("a", "one"));
    cache.add(configMap("a", "two"));
    cache.add(configMap("b", "one"));

    assertThat(names(cache.byIndex(Cache.NAMESPACE_INDEX, "a"))).containsExactly("one", "two");
    assertThat(names(cache.byIndex(Cache.NAMESPACE_INDEX, "b"))).containsExactly("one");
    assertThat(cache.byIndex(Cache.NAMESPACE_INDEX, "c")).isEmpty();
    assertThat(cache.listIndexFuncValues(Cache.NAMESPACE_INDEX))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(cache.indexKeys(Cache.NAMESPACE_INDEX, "a"))
        .containsExactlyInAnyOrder("a/one", "a/two");
    assertThat(names(cache.index(Cache.NAMESPACE_INDEX, configMap("a", "other"))))
        .containsExactly("one", "two");
  }

  @Test
  void theNodeNameIndexFollowsAPodThatMovesAndLeavesOutUnboundPods() {
    Cache<Pod> cache = podCache();
    cache.add(pod("default", "p1", "node-1"));
    cache.add(pod("default", "p2", "node-1"));
    cache.add(pod("default", "pending", null));

    assertThat(names(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1"))).containsExactly("p1", "p2");
    assertThat(cache.listIndexFuncValues(Cache.NODE_NAME_INDEX)).containsExactly("node-1");

    cache.update(pod("default", "p2", "node-2"));

    assertThat(names(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1"))).containsExactly("p1");
    assertThat(names(cache.byIndex(Cache.NODE_NAME_INDEX, "node-2"))).containsExactly("p2");

    cache.update(pod("default", "p1", "node-2"));

    assertThat(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1")).isEmpty();
    assertThat(cache.listIndexFuncValues(Cache.NODE_NAME_INDEX)).containsExactly("node-2");
  }

  @Test
  void deletingAnObjectRemovesItFromTheStoreAndFromEveryIndex() {
    Cache<Pod> cache = podCache();
    Pod p = pod("default", "p1", "node-1");
    cache.add(p);

    cache.delete(pod("default", "p1", "node-1"));

    assertThat(cache.getByKey("default/p1")).isEmpty();
    assertThat(cache.byIndex(Cache.NAMESPACE_INDEX, "default")).isEmpty();
    assertThat(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1")).isEmpty();
    assertThat(cache.listIndexFuncValues(Cache.NODE_NAME_INDEX)).isEmpty();
  }

  @Test
  void readsHandOutTheStoredInstanceWithoutCopying() {
    Cache<Pod> cache = podCache();
    Pod p = pod("default", "p1", "node-1");
    cache.add(p);

    assertThat(cache.getByKey("default/p1")).containsSame(p);
    assertThat(cache.get(pod("default", "p1", null))).containsSame(p);
    assertThat(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1")).singleElement().isSameAs(p);
    assertThat(cache.list()).singleElement().isSameAs(p);
  }

  @Test
  void replaceMakesTheContentExactlyTheListAndRebuildsTheIndexes() {
    Cache<Pod> cache = podCache();
    cache.add(pod("default", "gone", "node-1"));
    cache.add(pod("default", "moved", "node-1"));

    cache.replace(List.of(pod("default", "moved", "node-2"), pod("other", "new", "node-3")), "7");

    assertThat(cache.listKeys()).containsExactlyInAnyOrder("default/moved", "other/new");
    assertThat(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1")).isEmpty();
    assertThat(names(cache.byIndex(Cache.NODE_NAME_INDEX, "node-2"))).containsExactly("moved");
    assertThat(names(cache.byIndex(Cache.NAMESPACE_INDEX, "other"))).containsExactly("new");
  }

  @Test
  void anIndexAddedLaterCoversTheObjectsAlreadyStored() {
    Cache<Pod> cache = Cache.withNamespaceIndex();
    cache.add(pod("default", "p1", "node-1"));

    cache.addIndexers(Map.of(Cache.NODE_NAME_INDEX, Cache.podNodeNameIndexFunc()));
    cache.add(pod("default", "p2", "node-1"));

    assertThat(names(cache.byIndex(Cache.NODE_NAME_INDEX, "node-1"))).containsExactly("p1", "p2");
    assertThat(cache.indexers()).containsOnlyKeys(Cache.NAMESPACE_INDEX, Cache.NODE_NAME_INDEX);
  }

  @Test
  void anIndexNameCannotBeAddedTwiceNorAnUnknownOneQueried() {
    Cache<Pod> cache = podCache();

    assertThatThrownBy(
            () -> cache.addIndexers(Map.of(Cache.NAMESPACE_INDEX, Cache.namespaceIndexFunc())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.byIndex("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void theListerReadsByNamespaceAndName() {
    Cache<ConfigMap> cache = Cache.withNamespaceIndex();
    cache.add(configMap("a", "one"));
    cache.add(configMap("b", "two"));
    Lister<ConfigMap> lister = new Lister<>(cache);

    assertThat(lister.get("a", "one")).isPresent();
    assertThat(lister.get("b", "one")).isEmpty();
    assertThat(names(lister.list("b"))).containsExactly("two");
    assertThat(lister.list()).hasSize(2);
  }
}
