package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.testing.EtcdServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lists in pages (limit and continue), at one revision, with selectors and past revisions. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PaginationIT {
  static final String NS = "paged";
  static final String PODS = "/api/v1/namespaces/" + NS + "/pods";
  static final Pattern ORIGINAL = Pattern.compile("p-\\d{4}");
  static final int COUNT = 1000;
  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = TestApiServer.start();
    http = new Http(server.url());
    assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + NS + "\"}}").code())
        .isEqualTo(201);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<Void>> creates = new ArrayList<>();
      for (int i = 0; i < COUNT; i++) {
        String name = "p-%04d".formatted(i);
        String group = "g" + (i % 4);
        creates.add(CompletableFuture.runAsync(() -> createPod(PODS, name, group), pool));
      }
      CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode createPod(String path, String name, String group) {
    return createPod(http, path, name, group);
  }

  static JsonNode createPod(Http client, String path, String name, String group) {
    Http.Answer created = client.post(path, """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"group":"%s"}},
         "spec":{"containers":[{"name":"c","image":"nginx"}]}}""".formatted(name, group));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
    return names;
  }

  /** Every page of a list, following continue tokens from the first query. */
  static List<JsonNode> pages(String pathAndQuery) {
    List<JsonNode> pages = new ArrayList<>();
    String token = null;
    do {
      String path = pathAndQuery + (token == null ? "" : "&continue=" + encode(token));
      Http.Answer page = http.get(path);
      assertThat(page.code()).as(page.body()).isEqualTo(200);
      pages.add(page.json());
      token = page.json().at("/metadata/continue").asText("");
      assertThat(pages).as("runaway paging").hasSizeLessThan(200);
    } while (!token.isEmpty());
    return pages;
  }

  @Test
  void pagesCoverEveryPodExactlyOnceAtOneResourceVersionWhileOtherPodsComeAndGo()
      throws Exception {
    AtomicBoolean churning = new AtomicBoolean(true);
    AtomicInteger churned = new AtomicInteger();
    // names between the original pods', so a list that moved revisions would show them
    CompletableFuture<Void> churn = CompletableFuture.runAsync(() -> {
      for (int i = 0; churning.get(); i++) {
        String name = "p-%04d-churn-%d".formatted((i * 37) % COUNT, i);
        createPod(PODS, name, "churn");
        assertThat(http.delete(PODS + "/" + name).code()).isEqualTo(200);
        churned.incrementAndGet();
      }
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> churned.get() >= 3);
    List<JsonNode> pages;
    try {
      pages = pages(PODS + "?limit=100");
      await().atMost(Duration.ofSeconds(30)).until(() -> churned.get() >= 10);
    } finally {
      churning.set(false);
    }
    churn.get(30, TimeUnit.SECONDS);

    String rv = pages.get(0).at("/metadata/resourceVersion").asText();
    List<String> all = new ArrayList<>();
    long remaining = Long.MAX_VALUE;
    for (int i = 0; i < pages.size(); i++) {
      JsonNode page = pages.get(i);
      assertThat(page.at("/metadata/resourceVersion").asText()).as("page %d", i).isEqualTo(rv);
      all.addAll(names(page));
      if (i < pages.size() - 1) {
        assertThat(page.get("items")).as("page %d", i).hasSize(100);
        long left = page.at("/metadata/remainingItemCount").asLong(-1);
        assertThat(left).as("remainingItemCount of page %d", i).isPositive().isLessThan(remaining);
        remaining = left;
      } else {
        assertThat(page.at("/metadata/continue").asText("")).isEmpty();
        assertThat(page.at("/metadata/remainingItemCount").isMissingNode()).isTrue();
      }
    }
    assertThat(pages.size()).isGreaterThanOrEqualTo(COUNT / 100);
    assertThat(all).doesNotHaveDuplicates();
    assertThat(all.stream().filter(n -> ORIGINAL.matcher(n).matches()))
        .hasSize(COUNT)
        .containsAll(IntStream.range(0, COUNT).mapToObj("p-%04d"::formatted).toList());
    // the pages together are exactly the state at their resourceVersion
    Http.Answer exact = http.get(PODS + "?resourceVersion=" + rv + "&resourceVersionMatch=Exact");
    assertThat(exact.code()).as(exact.body()).isEqualTo(200);
    assertThat(all).containsExactlyElementsOf(names(exact.json()));
  }

  @Test
  void labelSelectorWithALimitReturnsOnlyMatchesAndPagesCoverThemAllExactlyOnce() {
    List<JsonNode> pages = pages(PODS + "?limit=30&labelSelector=" + encode("group=g1"));
    List<String> all = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      JsonNode page = pages.get(i);
      page.get("items").forEach(item ->
          assertThat(item.at("/metadata/labels/group").asText()).isEqualTo("g1"));
      if (i < pages.size() - 1) {
        assertThat(page.get("items")).as("page %d", i).hasSize(30);
      }
      assertThat(page.at("/metadata/resourceVersion").asText())
          .isEqualTo(pages.get(0).at("/metadata/resourceVersion").asText());
      all.addAll(names(page));
    }
    assertThat(all).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, COUNT).filter(i -> i % 4 == 1).mapToObj("p-%04d"::formatted)
                .toList());
    assertThat(pages).hasSize(9);
  }

  @Test
  void aMalformedContinueTokenIsABadRequest() {
    String garbage = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"v\":\"meta.k8s.io/v1\",\"rv\":5}".getBytes(StandardCharsets.UTF_8));
    for (String token : List.of("not-a-token!!", "bm90LWpzb24", garbage)) {
      Http.Answer answer = http.get(PODS + "?limit=10&continue=" + encode(token));
      assertThat(answer.code()).as(token + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.json().get("kind").asText()).isEqualTo("Status");
      assertThat(answer.json().get("reason").asText()).isEqualTo("BadRequest");
    }
  }

  @Test
  void aListAtResourceVersionZeroIsServed() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Http.Answer list = http.get(PODS + "?resourceVersion=0");
      assertThat(list.code()).as(list.body()).isEqualTo(200);
      assertThat(list.json().get("kind").asText()).isEqualTo("PodList");
      assertThat(list.json().at("/metadata/resourceVersion").asLong()).isPositive();
      assertThat(names(list.json()).stream().filter(n -> ORIGINAL.matcher(n).matches()))
          .hasSize(COUNT);
    });
    // the reflector's first list
    Http.Answer limited = http.get(PODS + "?resourceVersion=0&limit=500");
    assertThat(limited.code()).as(limited.body()).isEqualTo(200);
    assertThat(limited.json().get("items").size()).isPositive();
  }

  @Test
  void anExactListAtAPastResourceVersionShowsTheOldState() {
    String ns = "exact";
    assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + ns + "\"}}").code())
        .isEqualTo(201);
    String cms = "/api/v1/namespaces/" + ns + "/configmaps";
    Http.Answer created =
        http.post(cms, "{\"metadata\":{\"name\":\"old\"},\"data\":{\"v\":\"1\"}}");
    assertThat(created.code()).isEqualTo(201);
    String before = created.json().at("/metadata/resourceVersion").asText();
    WatchResumeIT.put(http, cms + "/old", "{\"data\":{\"v\":\"2\"}}");
    assertThat(http.post(cms, "{\"metadata\":{\"name\":\"newer\"}}").code()).isEqualTo(201);

    Http.Answer past = http.get(cms + "?resourceVersion=" + before + "&resourceVersionMatch=Exact");
    assertThat(past.code()).as(past.body()).isEqualTo(200);
    assertThat(past.json().at("/metadata/resourceVersion").asText()).isEqualTo(before);
    assertThat(names(past.json())).containsExactly("old");
    assertThat(past.json().at("/items/0/data/v").asText()).isEqualTo("1");
    assertThat(past.json().at("/items/0/metadata/resourceVersion").asText()).isEqualTo(before);
    assertThat(http.get(cms + "/old").json().at("/data/v").asText()).isEqualTo("2");
  }

  @Test
  void aContinueTokenWhoseRevisionWasCompactedIsExpired() {
    try (EtcdServer etcd = EtcdServer.start()) {
      TestApiServer api = TestApiServer.start(etcd, "/registry");
      try {
        Http client = new Http(api.url());
        String path = "/api/v1/namespaces/default/pods";
        for (int i = 0; i < 5; i++) {
          createPod(client, path, "c-" + i, "c");
        }
        Http.Answer first = client.get(path + "?limit=2");
        assertThat(first.code()).isEqualTo(200);
        String token = first.json().at("/metadata/continue").asText();
        assertThat(token).isNotEmpty();
        long newest = createPod(client, path, "c-9", "c").at("/metadata/resourceVersion").asLong();
        etcd.etcdctl("compact", Long.toString(newest));

        Http.Answer expired = client.get(path + "?limit=2&continue=" + encode(token));
        assertThat(expired.code()).as(expired.body()).isEqualTo(410);
        assertThat(expired.json().get("kind").asText()).isEqualTo("Status");
        assertThat(expired.json().get("reason").asText()).isEqualTo("Expired");
        assertThat(expired.json().get("message").asText()).contains("continue");
      } finally {
        api.close();
      }
    }
  }

  @Test
  void aContinueTokenTogetherWithAResourceVersionIsABadRequest() {
    Http.Answer first = http.get(PODS + "?limit=5");
    String token = first.json().at("/metadata/continue").asText();
    Http.Answer both = http.get(PODS + "?limit=5&resourceVersion="
        + first.json().at("/metadata/resourceVersion").asText() + "&continue=" + encode(token));
    assertThat(both.code()).as(both.body()).isEqualTo(400);
    Set<String> firstNames = new HashSet<>(names(first.json()));
    assertThat(firstNames).hasSize(5);
  }
}
