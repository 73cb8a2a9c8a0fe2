package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.testing.EtcdServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Watch over real HTTP: start points, selectors, bookmarks, timeouts and 410 (fan-out: WatchFanOutIT). */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WatchIT {
  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start("--watch-bookmark-interval=300ms");
    http = new Http(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String namespace(String name) {
    Http.Answer created =
        http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    return name;
  }

  static String configMap(String name, String labels, String value) {
    return """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","labels":{%s}},
         "data":{"v":"%s"}}""".formatted(name, labels, value);
  }

  static JsonNode create(String ns, String name, String labels, String value) {
    Http.Answer created = http.post(cms(ns), configMap(name, labels, value));
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  /** Reads, merges the given JSON into it (as a merge patch would) and writes back with PUT. */
  static JsonNode patch(String ns, String name, String merge) {
    return WatchResumeIT.put(http, cms(ns) + "/" + name, merge);
  }

  static void delete(String ns, String name) {
    Http.Answer deleted = http.delete(cms(ns) + "/" + name);
    assertThat(deleted.code()).as(deleted.body()).isEqualTo(200);
  }

  static String cms(String ns) {
    return "/api/v1/namespaces/" + ns + "/configmaps";
  }

  static String listRv(String path) {
    Http.Answer list = http.get(path);
    assertThat(list.code()).as(list.body()).isEqualTo(200);
    return list.json().at("/metadata/resourceVersion").asText();
  }

  static long rv(JsonNode event) {
    return event.at("/object/metadata/resourceVersion").asLong();
  }

  static String name(JsonNode event) {
    return event.at("/object/metadata/name").asText();
  }

  static String typeAndName(JsonNode event) {
    return event.path("type").asText() + " " + name(event);
  }

  static JsonNode nextNonBookmark(Http.Watch watch) {
    JsonNode event = watch.next();
    while (event.path("type").asText().equals("BOOKMARK")) {
      event = watch.next();
    }
    return event;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void watchFromAListsResourceVersionSeesAddedModifiedDeletedInOrder() {
    String ns = namespace("w-order");
    String rv = listRv(cms(ns));
    Http.Watch watch = http.watch(cms(ns) + "?watch=true&resourceVersion=" + rv);
    JsonNode created = create(ns, "a", "", "1");
    JsonNode updated = patch(ns, "a", "{\"data\":{\"v\":\"2\"}}");
    delete(ns, "a");

    JsonNode added = watch.next();
    JsonNode modified = watch.next();
    JsonNode deleted = watch.next();
    watch.close();
    assertThat(List.of(added, modified, deleted)).extracting(WatchIT::typeAndName)
        .containsExactly("ADDED a", "MODIFIED a", "DELETED a");
    assertThat(rv(added)).isGreaterThan(Long.parseLong(rv))
        .isEqualTo(created.at("/metadata/resourceVersion").asLong());
    assertThat(rv(modified)).isGreaterThan(rv(added))
        .isEqualTo(updated.at("/metadata/resourceVersion").asLong());
    assertThat(rv(deleted)).isGreaterThan(rv(modified));
    assertThat(added.at("/object/data/v").asText()).isEqualTo("1");
    assertThat(modified.at("/object/data/v").asText()).isEqualTo("2");
    assertThat(deleted.at("/object/data/v").asText()).isEqualTo("2");
    assertThat(deleted.at("/object/metadata/uid")).isEqualTo(created.at("/metadata/uid"));
    assertThat(deleted.at("/object/kind").asText()).isEqualTo("ConfigMap");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&resourceVersion=0"})
  void watchWithoutAResourceVersionStartsWithSyntheticAddedEventsForExistingObjects(String rv) {
    String ns = namespace("w-initial" + (rv.isEmpty() ? "-unset" : "-zero"));
    create(ns, "existing-1", "", "1");
    create(ns, "existing-2", "", "2");
    Http.Watch watch = http.watch(cms(ns) + "?watch=true" + rv);
    JsonNode first = watch.next();
    JsonNode second = watch.next();
    create(ns, "later", "", "3");
    JsonNode third = watch.next();
    watch.close();
    assertThat(List.of(first, second)).extracting(WatchIT::typeAndName)
        .containsExactlyInAnyOrder("ADDED existing-1", "ADDED existing-2");
    assertThat(typeAndName(third)).isEqualTo("ADDED later");
  }

  @Test
  void labelSelectorWatchTurnsObjectsThatStopOrStartMatchingIntoDeletedAndAdded() {
    String ns = namespace("w-labels");
    create(ns, "x", "\"app\":\"web\"", "1");
    create(ns, "y", "\"app\":\"db\"", "1");
    String rv = listRv(cms(ns));
    Http.Watch watch = http.watch(cms(ns) + "?watch=true&resourceVersion=" + rv
        + "&labelSelector=" + encode("app=web"));
    patch(ns, "x", "{\"data\":{\"v\":\"2\"}}");
    patch(ns, "x", "{\"metadata\":{\"labels\":{\"app\":\"other\"}}}");
    patch(ns, "x", "{\"data\":{\"v\":\"3\"}}");
    patch(ns, "y", "{\"data\":{\"v\":\"2\"}}");
    patch(ns, "y", "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
    create(ns, "z", "\"app\":\"web\"", "1");

    List<JsonNode> events = List.of(watch.next(), watch.next(), watch.next(), watch.next());
    watch.close();
    assertThat(events).extracting(WatchIT::typeAndName)
        .containsExactly("MODIFIED x", "DELETED x", "ADDED y", "ADDED z");
    assertThat(events.get(1).at("/object/metadata/labels/app").asText()).isEqualTo("other");
    assertThat(events.get(2).at("/object/metadata/labels/app").asText()).isEqualTo("web");
    assertThat(events.get(2).at("/object/data/v").asText()).isEqualTo("2");
  }

  @Test
  void fieldSelectorOnTheNameWatchesOnlyThatObject() {
    String ns = namespace("w-fields");
    String rv = listRv(cms(ns));
    Http.Watch watch = http.watch(cms(ns) + "?watch=true&resourceVersion=" + rv
        + "&fieldSelector=" + encode("metadata.name=x"));
    create(ns, "y", "", "1");
    create(ns, "x", "", "1");
    patch(ns, "y", "{\"data\":{\"v\":\"2\"}}");
    patch(ns, "x", "{\"data\":{\"v\":\"2\"}}");
    delete(ns, "y");
    delete(ns, "x");
    create(ns, "x", "", "again");

    List<JsonNode> events = List.of(watch.next(), watch.next(), watch.next(), watch.next());
    watch.close();
    assertThat(events).extracting(WatchIT::typeAndName)
        .containsExactly("ADDED x", "MODIFIED x", "DELETED x", "ADDED x");
    assertThat(events.get(3).at("/object/data/v").asText()).isEqualTo("again");
  }

  @Test
  void aNamespacedWatchDoesNotSeeOtherNamespaces() {
    String mine = namespace("w-mine");
    String other = namespace("w-other");
    String rv = listRv(cms(mine));
    Http.Watch watch = http.watch(cms(mine) + "?watch=true&resourceVersion=" + rv);
    create(other, "elsewhere", "", "1");
    patch(other, "elsewhere", "{\"data\":{\"v\":\"2\"}}");
    create(mine, "here", "", "1");
    JsonNode event = watch.next();
    watch.close();
    assertThat(typeAndName(event)).isEqualTo("ADDED here");
    assertThat(event.at("/object/metadata/namespace").asText()).isEqualTo(mine);
  }

  @Test
  void watchesThatAllowBookmarksGetBookmarksCarryingOnlyTheResourceVersion() {
    String quiet = namespace("w-bookmark");
    String busy = namespace("w-bookmark-busy");
    String rv = listRv(cms(quiet));
    Http.Watch watch = http.watch(cms(quiet) + "?watch=true&allowWatchBookmarks=true"
        + "&resourceVersion=" + rv);
    long written = create(busy, "moves-the-revision", "", "1")
        .at("/metadata/resourceVersion").asLong();
    JsonNode bookmark = watch.next();
    while (bookmark.path("type").asText().equals("BOOKMARK") && rv(bookmark) < written) {
      bookmark = watch.next();
    }
    watch.close();
    assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
    assertThat(rv(bookmark)).isGreaterThanOrEqualTo(written);
    JsonNode object = bookmark.get("object");
    assertThat(object.get("kind").asText()).isEqualTo("ConfigMap");
    assertThat(object.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(object.get("metadata").fieldNames()).toIterable()
        .containsExactly("resourceVersion");
    assertThat(object.has("data")).isFalse();
  }

  @Test
  void watchesWithoutAllowWatchBookmarksGetNoBookmarks() {
    String quiet = namespace("w-no-bookmark");
    String busy = namespace("w-no-bookmark-busy");
    String rv = listRv(cms(quiet));
    Http.Watch plain = http.watch(cms(quiet) + "?watch=true&resourceVersion=" + rv);
    Http.Watch withBookmarks = http.watch(cms(quiet) + "?watch=true&allowWatchBookmarks=true"
        + "&resourceVersion=" + rv);
    long written = create(busy, "moves-the-revision", "", "1")
        .at("/metadata/resourceVersion").asLong();
    // once the other watch got a bookmark past the write, this one would have got one too
    JsonNode bookmark = withBookmarks.next();
    while (rv(bookmark) < written) {
      bookmark = withBookmarks.next();
    }
    withBookmarks.close();
    create(quiet, "marker", "", "1");
    JsonNode event = plain.next();
    plain.close();
    assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
    assertThat(typeAndName(event)).isEqualTo("ADDED marker");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&resourceVersion=0"})
  void sendInitialEventsAnswersTheCurrentObjectsThenTheInitialEventsEndBookmark(String rv) {
    String ns = namespace("w-watchlist" + (rv.isEmpty() ? "-unset" : "-zero"));
    long last = 0;
    for (String name : List.of("b", "a", "c")) {
      last = create(ns, name, "", name).at("/metadata/resourceVersion").asLong();
    }
    Http.Watch watch = http.watch(cms(ns) + "?watch=true&sendInitialEvents=true"
        + "&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true" + rv);
    List<JsonNode> initial = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode event = watch.next();
      assertThat(event.path("type").asText()).as(event.toString()).isEqualTo("ADDED");
      initial.add(event);
    }
    JsonNode end = watch.next();
    create(ns, "d", "", "d");
    JsonNode live = nextNonBookmark(watch);
    watch.close();
    assertThat(initial).extracting(WatchIT::typeAndName)
        .containsExactlyInAnyOrder("ADDED a", "ADDED b", "ADDED c");
    assertThat(end.path("type").asText()).as(end.toString()).isEqualTo("BOOKMARK");
    assertThat(end.at("/object/metadata/annotations/k8s.io~1initial-events-end").asText())
        .isEqualTo("true");
    if (rv.isEmpty()) {
      // a consistent read: the bookmark is at least as new as the last write
      assertThat(rv(end)).isGreaterThanOrEqualTo(last);
    }
    assertThat(typeAndName(live)).isEqualTo("ADDED d");
    assertThat(rv(live)).isGreaterThan(rv(end));
  }

  @Test
  void sendInitialEventsWithoutResourceVersionMatchIsInvalid() {
    for (String flag : List.of("false", "true")) {
      Http.Answer answer = http.get(cms("default") + "?watch=true&sendInitialEvents=" + flag
          + "&allowWatchBookmarks=true&timeoutSeconds=1");
      assertThat(answer.code()).as(flag + ": " + answer.body()).isEqualTo(422);
      assertThat(answer.json().get("reason").asText()).isEqualTo("Invalid");
      assertThat(answer.json().get("message").asText())
          .contains("sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
    }
  }

  @Test
  void sendInitialEventsFalseWithoutAResourceVersionStartsAtTheMostRecentChange() {
    String ns = namespace("w-no-initial");
    String busy = namespace("w-no-initial-busy");
    create(ns, "existing", "", "1");
    Http.Watch watch = http.watch(cms(ns) + "?watch=true&sendInitialEvents=false"
        + "&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
    // writes elsewhere move the revision until the watch, once started, answers a bookmark
    AtomicInteger ticks = new AtomicInteger();
    AtomicReference<JsonNode> first = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(15)).until(() -> {
      create(busy, "tick-" + ticks.incrementAndGet(), "", "1");
      first.set(watch.poll(Duration.ofMillis(500)));
      return first.get() != null;
    });
    assertThat(first.get().path("type").asText()).as(first.get().toString())
        .isEqualTo("BOOKMARK");
    create(ns, "later", "", "2");
    JsonNode event = nextNonBookmark(watch);
    watch.close();
    assertThat(typeAndName(event)).isEqualTo("ADDED later");
  }

  @Test
  void timeoutSecondsEndsTheStream() {
    String ns = namespace("w-timeout");
    Http.Watch watch = http.watch(cms(ns) + "?watch=true&timeoutSeconds=1");
    JsonNode event = watch.next();
    assertThat(event.path("type").asText()).isEqualTo("END");
    assertThat(watch.ended()).isTrue();
  }

  @Test
  void watchingAResourceTypeThatIsNotServedIsNotFound() {
    assertThat(http.get("/api/v1/namespaces/default/widgets?watch=true").code()).isEqualTo(404);
    assertThat(http.get("/apis/example.com/v1/widgets?watch=true").code()).isEqualTo(404);
    assertThat(http.get("/api/v1/widgets?watch=true").code()).isEqualTo(404);
  }

  @Test
  void aWatchFromACompactedRevisionGetsOneExpiredErrorAndEnds() {
    try (EtcdServer etcd = EtcdServer.start()) {
      TestApiServer api = TestApiServer.start(etcd, "/registry-compacted");
      try {
        Http before = new Http(api.url());
        String from = before.post(cms("default"), configMap("old-1", "", "1")).json()
            .at("/metadata/resourceVersion").asText();
        before.post(cms("default"), configMap("old-2", "", "1"));
        // a restarted server's watch cache starts after these events: only etcd has them
        api = api.restart();
        Http after = new Http(api.url());
        long newest = after.post(cms("default"), configMap("new", "", "1")).json()
            .at("/metadata/resourceVersion").asLong();
        etcd.etcdctl("compact", Long.toString(newest));

        Http.Watch watch = after.watch(cms("default") + "?watch=true&resourceVersion=" + from);
        JsonNode error = watch.next();
        JsonNode end = watch.next();
        assertThat(error.path("type").asText()).as(error.toString()).isEqualTo("ERROR");
        JsonNode status = error.get("object");
        assertThat(status.get("kind").asText()).isEqualTo("Status");
        assertThat(status.get("status").asText()).isEqualTo("Failure");
        assertThat(status.get("code").asInt()).isEqualTo(410);
        assertThat(status.get("reason").asText()).isEqualTo("Expired");
        assertThat(end.path("type").asText()).isEqualTo("END");
      } finally {
        api.close();
      }
    }
  }
}
