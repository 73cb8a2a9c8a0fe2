package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Label and field selectors on lists, with upstream's selectable fields and errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelectorsIT {
  static final String NS = "sel";
  static final String PODS = "/api/v1/namespaces/" + NS + "/pods";
  static TestApiServer server;
  static Http http;

  /**
   * Pods: a (app=web, tier=front, bound to node n1), b (app=web, tier=back, Running), c (app=db,
   * restartPolicy Never), d (no labels, schedulerName my-scheduler).
   */
  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    http = new Http(server.url());
    created(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + NS + "\"}}"));
    created(http.post(PODS, pod("a", "{\"app\":\"web\",\"tier\":\"front\"}", "")));
    created(http.post(PODS, pod("b", "{\"app\":\"web\",\"tier\":\"back\"}", "")));
    created(http.post(PODS, pod("c", "{\"app\":\"db\"}", ",\"restartPolicy\":\"Never\"")));
    created(http.post(PODS, pod("d", "{}", ",\"schedulerName\":\"my-scheduler\"")));
    created(http.post(PODS + "/a/binding", "{\"apiVersion\":\"v1\",\"kind\":\"Binding\","
        + "\"metadata\":{\"name\":\"a\"},\"target\":{\"kind\":\"Node\",\"name\":\"n1\"}}"));
    JsonNode b = http.get(PODS + "/b").json();
    String running = b.toString().replace("\"phase\":\"Pending\"", "\"phase\":\"Running\"");
    Http.Answer status = http.put(PODS + "/b/status", running);
    assertThat(status.code()).as(status.body()).isEqualTo(200);
    assertThat(status.json().at("/status/phase").asText()).isEqualTo("Running");

    for (String involved : List.of("a", "b")) {
      created(http.post("/api/v1/namespaces/" + NS + "/events", """
          {"apiVersion":"v1","kind":"Event","metadata":{"name":"about-%1$s"},
           "involvedObject":{"kind":"Pod","name":"%1$s","namespace":"%2$s"},
           "reason":"Testing","message":"m","type":"Normal","source":{"component":"test"}}"""
          .formatted(involved, NS)));
    }
    created(http.post("/api/v1/nodes", "{\"metadata\":{\"name\":\"cordoned\"},"
        + "\"spec\":{\"unschedulable\":true}}"));
    created(http.post("/api/v1/nodes", "{\"metadata\":{\"name\":\"open\"}}"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void created(Http.Answer answer) {
    assertThat(answer.code()).as(answer.body()).isEqualTo(201);
  }

  static String pod(String name, String labels, String moreSpec) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":%s},
         "spec":{"containers":[{"name":"c","image":"nginx"}]%s}}"""
        .formatted(name, labels, moreSpec);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> names(String path) {
    Http.Answer list = http.get(path);
    assertThat(list.code()).as(path + ": " + list.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    list.json().get("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
    return names;
  }

  static List<String> expected(String names) {
    return names.isBlank() ? List.of() : Arrays.asList(names.trim().split(" "));
  }

  @ParameterizedTest(name = "labelSelector={0} selects [{1}]")
  @CsvSource(delimiter = '|', value = {
      "app=web                | a b",
      "app==web               | a b",
      "app!=web               | c d",
      "app in (web,db)        | a b c",
      "app in (db)            | c",
      "app notin (web)        | c d",
      "tier                   | a b",
      "!tier                  | c d",
      "app=web,tier=front     | a",
      "app=web,tier notin (front) | b",
      "app=nothing            | ''",
  })
  void labelSelectorsSelectMatchingPods(String selector, String names) {
    assertThat(names(PODS + "?labelSelector=" + encode(selector)))
        .containsExactlyInAnyOrderElementsOf(expected(names));
  }

  @ParameterizedTest
  @ValueSource(strings = {"app in web", "app in (web", "=web", "app=web,,", "a b", "app=we b",
      "!app=web"})
  void anInvalidLabelSelectorIsABadRequest(String selector) {
    Http.Answer answer = http.get(PODS + "?labelSelector=" + encode(selector));
    assertThat(answer.code()).as(selector + ": " + answer.body()).isEqualTo(400);
    assertThat(answer.json().get("kind").asText()).isEqualTo("Status");
    assertThat(answer.json().get("reason").asText()).isEqualTo("BadRequest");
  }

  @ParameterizedTest(name = "fieldSelector={0} selects [{1}]")
  @CsvSource(delimiter = '|', value = {
      "spec.nodeName=n1                      | a",
      "spec.nodeName!=n1                     | b c d",
      "spec.nodeName=                        | b c d",
      "spec.nodeName!=                       | a",
      "status.phase=Running                  | b",
      "status.phase!=Running                 | a c d",
      "status.phase==Pending                 | a c d",
      "spec.schedulerName=my-scheduler       | d",
      "spec.schedulerName=default-scheduler  | a b c",
      "spec.restartPolicy=Never              | c",
      "spec.restartPolicy=Always             | a b d",
      "spec.restartPolicy=Always,status.phase=Pending | a d",
      "metadata.name=c                       | c",
      "metadata.namespace=sel,metadata.name!=a | b c d",
  })
  void fieldSelectorsSelectMatchingPods(String selector, String names) {
    assertThat(names(PODS + "?fieldSelector=" + encode(selector)))
        .containsExactlyInAnyOrderElementsOf(expected(names));
  }

  @Test
  void fieldAndLabelSelectorsCombine() {
    assertThat(names(PODS + "?labelSelector=" + encode("app=web")
        + "&fieldSelector=" + encode("status.phase=Pending"))).containsExactly("a");
  }

  @Test
  void eventsAreSelectedByTheirInvolvedObject() {
    String events = "/api/v1/namespaces/" + NS + "/events?fieldSelector=";
    assertThat(names(events + encode("involvedObject.name=a"))).containsExactly("about-a");
    assertThat(names(events + encode("involvedObject.name=b,involvedObject.kind=Pod")))
        .containsExactly("about-b");
    assertThat(names(events + encode("involvedObject.kind=Node"))).isEmpty();
    assertThat(names("/api/v1/events?fieldSelector=" + encode("involvedObject.name=a")))
        .containsExactly("about-a");
  }

  @Test
  void nodesAreSelectedByUnschedulable() {
    assertThat(names("/api/v1/nodes?fieldSelector=" + encode("spec.unschedulable=true")))
        .containsExactly("cordoned");
    assertThat(names("/api/v1/nodes?fieldSelector=" + encode("spec.unschedulable=false")))
        .containsExactly("open");
  }

  @ParameterizedTest(name = "{0}?fieldSelector={1}")
  @CsvSource(delimiter = '|', value = {
      "/api/v1/namespaces/sel/pods   | spec.containers=x              | spec.containers",
      "/api/v1/namespaces/sel/pods   | metadata.labels=x              | metadata.labels",
      "/api/v1/pods                  | spec.nodeName=n1,status.foo!=x | status.foo",
      "/api/v1/nodes                 | spec.podCIDR=x                 | spec.podCIDR",
      "/api/v1/nodes                 | metadata.namespace=x           | metadata.namespace",
      "/api/v1/namespaces/sel/events | involvedObject.foo=x           | involvedObject.foo",
  })
  void anUnsupportedFieldIsABadRequestNamingTheField(String path, String selector, String field) {
    Http.Answer answer = http.get(path + "?fieldSelector=" + encode(selector));
    assertThat(answer.code()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("reason").asText()).isEqualTo("BadRequest");
    assertThat(answer.json().get("message").asText())
        .isEqualTo("field label not supported: " + field);
  }

  @Test
  void anUnsupportedFieldOnAWatchIsABadRequestToo() {
    Http.Answer answer = http.get(PODS + "?watch=true&fieldSelector=" + encode("spec.foo=x"));
    assertThat(answer.code()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("message").asText())
        .isEqualTo("field label not supported: spec.foo");
  }
}
