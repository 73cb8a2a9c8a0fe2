package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ListOptions;
import io.minik8s.client.LogOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {
  private static final ResourceRegistry REGISTRY = ResourceRegistry.builtIn();

  private static ResourceType type(Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> c) {
    return REGISTRY.findByClass(c).orElseThrow();
  }

  @Test
  void coreResourcesLiveUnderApiV1AndOthersUnderTheirGroup() {
    assertThat(RequestPaths.collection(type(Pod.class), "ns1"))
        .isEqualTo("/api/v1/namespaces/ns1/pods");
    assertThat(RequestPaths.collection(type(Deployment.class), "ns1"))
        .isEqualTo("/apis/apps/v1/namespaces/ns1/deployments");
    assertThat(RequestPaths.item(type(Lease.class), "kube-system", "kube-scheduler"))
        .isEqualTo("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler");
  }

  @Test
  void aNullNamespaceListsAcrossAllNamespaces() {
    assertThat(RequestPaths.collection(type(Pod.class), null)).isEqualTo("/api/v1/pods");
    assertThat(RequestPaths.collection(type(Deployment.class), ""))
        .isEqualTo("/apis/apps/v1/deployments");
  }

  @Test
  void clusterScopedResourcesIgnoreTheNamespace() {
    assertThat(RequestPaths.item(type(Node.class), null, "n1")).isEqualTo("/api/v1/nodes/n1");
    assertThat(RequestPaths.item(type(Namespace.class), "ignored", "kube-system"))
        .isEqualTo("/api/v1/namespaces/kube-system");
    assertThat(RequestPaths.collection(type(PriorityClass.class), "x"))
        .isEqualTo("/apis/scheduling.k8s.io/v1/priorityclasses");
  }

  @Test
  void subresourcesFollowTheName() {
    assertThat(RequestPaths.subresource(type(Pod.class), "ns", "p", "binding"))
        .isEqualTo("/api/v1/namespaces/ns/pods/p/binding");
    assertThat(RequestPaths.subresource(type(Deployment.class), "ns", "d", "scale"))
        .isEqualTo("/apis/apps/v1/namespaces/ns/deployments/d/scale");
    assertThat(RequestPaths.subresource(type(Node.class), null, "n", "status"))
        .isEqualTo("/api/v1/nodes/n/status");
  }

  @Test
  void aNamespacedItemNeedsANamespace() {
    assertThatThrownBy(() -> RequestPaths.item(type(Pod.class), null, "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "a%2Fb"})
  void namesThatWouldRouteElsewhereAreRejected(String name) {
    assertThatThrownBy(() -> RequestPaths.item(type(Pod.class), "ns", name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unusualCharactersInNamesArePercentEncoded() {
    assertThat(RequestPaths.item(type(Node.class), null, "a b:c@d"))
        .isEqualTo("/api/v1/nodes/a%20b:c@d");
  }

  @Test
  void noOptionsMeansNoQuery() {
    assertThat(RequestPaths.query(ListOptions.NONE, false)).isEmpty();
    assertThat(RequestPaths.query(null, false)).isEmpty();
  }

  @Test
  void everyListOptionIsEncodedInKeyOrder() {
    ListOptions all =
        new ListOptions(
            "app=web,tier!=db",
            "spec.nodeName=node 1",
            "42",
            "NotOlderThan",
            500,
            "tok+en/=",
            30,
            true);
    assertThat(RequestPaths.query(all, true))
        .isEqualTo(
            "?allowWatchBookmarks=true"
                + "&continue=tok%2Ben%2F%3D&fieldSelector=spec.nodeName%3Dnode+1"
                + "&labelSelector=app%3Dweb%2Ctier%21%3Ddb&limit=500&resourceVersion=42"
                + "&resourceVersionMatch=NotOlderThan&timeoutSeconds=30&watch=true");
  }

  @ParameterizedTest
  @CsvSource({
    "'app in (a, b)', ?labelSelector=app+in+%28a%2C+b%29",
    "'!canary', ?labelSelector=%21canary",
    "'x notin (y)', ?labelSelector=x+notin+%28y%29"
  })
  void labelSelectorsWithSetsAndNegationsSurviveEncoding(String selector, String query) {
    assertThat(RequestPaths.query(ListOptions.labels(selector), false)).isEqualTo(query);
  }

  @Test
  void logOptionsBecomeTheLogQuery() {
    LogOptions options =
        LogOptions.NONE
            .withContainer("app")
            .withFollow(true)
            .withPrevious(true)
            .withTimestamps(true)
            .withTailLines(10L)
            .withSinceSeconds(60L)
            .withLimitBytes(1024L);
    assertThat(RequestPaths.query(options))
        .isEqualTo(
            "?container=app&follow=true"
                + "&limitBytes=1024&previous=true&sinceSeconds=60&tailLines=10&timestamps=true");
    assertThat(RequestPaths.query(LogOptions.NONE)).isEmpty();
  }

  @Test
  void encodeKeepsTheMapsOrder() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("z", "1");
    m.put("a", "é");
    assertThat(RequestPaths.encode(m)).isEqualTo("?z=1&a=%C3%A9");
  }
}
