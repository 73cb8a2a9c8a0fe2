package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paging, find and delete answers of the typed client, against scripted answers. */
class RestResourceClientTest {
  private static final String GONE =
      "{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
          + "\"message\":\"The provided continue parameter is too old\"}";
  private final StubServer stub;
  private final RestKubeClient client;

  RestResourceClientTest() throws IOException {
    stub = new StubServer();
    ClientConfig config = ClientConfig.forServer(stub.url());
    client =
        new RestKubeClient(
            new RestClient(
                config,
                KubeClients.httpClient(config),
                RateLimiter.UNLIMITED,
                RetryPolicy.NONE,
                new RecordingSleeper(),
                RequestMetrics.NONE),
            ResourceRegistry.builtIn());
  }

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  private static String page(String rv, String cont, String... names) {
    StringBuilder items = new StringBuilder();
    for (String n : names) {
      items
          .append(items.length() == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(n)
          .append("\"}}");
    }
    return "{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\""
        + rv
        + "\",\"continue\":\""
        + cont
        + "\"},\"items\":["
        + items
        + "]}";
  }

  @Test
  void listAllFollowsContinueTokensAndKeepsTheFirstPagesRevision() {
    stub.thenJson(200, page("10", "t1", "a", "b"))
        .thenJson(200, page("10", "t2", "c", "d"))
        .thenJson(200, page("10", "", "e"));
    ListPage<ConfigMap> all =
        client.resources(ConfigMap.class).listAll("ns", ListOptions.NONE.withLimit(2));
    assertThat(all.items())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("a", "b", "c", "d", "e");
    assertThat(all.resourceVersion()).isEqualTo("10");
    assertThat(all.continueToken()).isNull();
    assertThat(stub.requests())
        .extracting(StubServer.Request::uri)
        .containsExactly(
            "/api/v1/namespaces/ns/configmaps?limit=2",
            "/api/v1/namespaces/ns/configmaps?continue=t1&limit=2",
            "/api/v1/namespaces/ns/configmaps?continue=t2&limit=2");
  }

  @Test
  void anExpiredContinueTokenFallsBackToOneFullList() {
    stub.thenJson(200, page("10", "t1", "a", "b"))
        .thenJson(410, GONE)
        .thenJson(200, page("25", "", "a", "b", "c"));
    ListPage<ConfigMap> all =
        client.resources(ConfigMap.class).listAll("ns", ListOptions.NONE.withLimit(2));
    assertThat(all.items())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("a", "b", "c");
    assertThat(all.resourceVersion()).isEqualTo("25");
    assertThat(stub.requests().get(2).uri()).isEqualTo("/api/v1/namespaces/ns/configmaps");
  }

  @Test
  void findIsEmptyOnlyForNotFound() {
    stub.thenJson(404, "{\"kind\":\"Status\",\"reason\":\"NotFound\",\"code\":404}")
        .thenJson(403, "{\"kind\":\"Status\",\"reason\":\"Forbidden\",\"code\":403}");
    assertThat(client.resources(ConfigMap.class).find("ns", "x")).isEmpty();
    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> client.resources(ConfigMap.class).find("ns", "x"));
    assertThat(e.isForbidden()).isTrue();
  }

  @Test
  void deleteAnswersTheObjectWhenTheServerKeepsIt() {
    stub.thenJson(
        200,
        "{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\","
            + "\"deletionTimestamp\":\"2024-01-01T00:00:00Z\",\"finalizers\":[\"f\"]}}");
    assertThat(client.resources(ConfigMap.class).delete("ns", "x", null))
        .hasValueSatisfying(c -> assertThat(c.getMetadata().getDeletionTimestamp()).isNotNull());
    assertThat(stub.requests().get(0).body()).isEmpty();
  }
}
