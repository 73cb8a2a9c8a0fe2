package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client resumes its watch from the last resourceVersion it saw after the API server restarted:
 * it gets exactly the events it missed, in order, then the live ones, none repeated.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchResumeIT {
  static final String CMS = "/api/v1/namespaces/default/configmaps";

  /** One write as a watcher should see it: type, name and resourceVersion (0: unknown). */
  record Seen(String type, String name, long rv) {
    static Seen of(JsonNode event) {
      return new Seen(event.path("type").asText(), event.at("/object/metadata/name").asText(),
          event.at("/object/metadata/resourceVersion").asLong());
    }
  }

  static Seen create(Http http, String name) {
    Http.Answer created = http.post(CMS, "{\"metadata\":{\"name\":\"" + name + "\"},"
        + "\"data\":{\"v\":\"1\"}}");
    assertThat(created.code()).as(created.body()).isEqualTo(201);
    return new Seen("ADDED", name, created.json().at("/metadata/resourceVersion").asLong());
  }

  static Seen update(Http http, String name, String value) {
    JsonNode updated = put(http, CMS + "/" + name, "{\"data\":{\"v\":\"" + value + "\"}}");
    return new Seen("MODIFIED", name, updated.at("/metadata/resourceVersion").asLong());
  }

  /**
   * Reads the object, merges the given JSON into it (as a merge patch would, without needing
   * PATCH) and writes it back with PUT; the answer must be 200.
   */
  static JsonNode put(Http http, String path, String merge) {
    Http.Answer got = http.get(path);
    assertThat(got.code()).as(got.body()).isEqualTo(200);
    ObjectNode object = (ObjectNode) got.json();
    try {
      merge(object, (ObjectNode) Serialization.json().readTree(merge));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Http.Answer put = http.put(path, object.toString());
    assertThat(put.code()).as(put.body()).isEqualTo(200);
    return put.json();
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    patch.fields().forEachRemaining(field -> {
      JsonNode current = target.get(field.getKey());
      if (current instanceof ObjectNode object && field.getValue() instanceof ObjectNode inner) {
        merge(object, inner);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    });
  }

  static Seen delete(Http http, String name) {
    Http.Answer deleted = http.delete(CMS + "/" + name);
    assertThat(deleted.code()).as(deleted.body()).isEqualTo(200);
    return new Seen("DELETED", name, 0);
  }

  static List<Seen> take(Http.Watch watch, int count) {
    List<Seen> seen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode event = watch.next();
      assertThat(event.path("type").asText()).as(event.toString()).isNotIn("END", "ERROR");
      seen.add(Seen.of(event));
    }
    return seen;
  }

  /** Asserts the events match the writes (a DELETED's resourceVersion is only known to grow). */
  static void assertSeen(List<Seen> seen, List<Seen> writes, long after) {
    assertThat(seen).extracting(Seen::type, Seen::name)
        .containsExactlyElementsOf(writes.stream()
            .map(w -> org.assertj.core.groups.Tuple.tuple(w.type(), w.name())).toList());
    long previous = after;
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).rv()).as("event %d", i).isGreaterThan(previous);
      if (writes.get(i).rv() != 0) {
        assertThat(seen.get(i).rv()).as("event %d", i).isEqualTo(writes.get(i).rv());
      }
      previous = seen.get(i).rv();
    }
  }

  static String listRv(Http http) {
    return http.get(CMS).json().at("/metadata/resourceVersion").asText();
  }

  @Test
  void aWatchResumedAfterARestartGetsExactlyTheEventsWrittenWhileTheServerWasDown() {
    TestApiServer server = TestApiServer.start();
    TestApiServer writer = null;
    try {
      Http http = new Http(server.url());
      String start = listRv(http);
      Http.Watch watch = http.watch(CMS + "?watch=true&resourceVersion=" + start);
      List<Seen> before = List.of(create(http, "a"), create(http, "b"), update(http, "a", "2"));
      List<Seen> seenBefore = take(watch, 3);
      assertSeen(seenBefore, before, Long.parseLong(start));
      long last = seenBefore.get(2).rv();

      // the watched server goes down; another one on the same etcd takes the writes
      writer = TestApiServer.start(server.etcd(), server.prefix());
      server.close();
      assertThat(watch.next().path("type").asText()).isEqualTo("END");
      Http other = new Http(writer.url());
      List<Seen> missed = List.of(create(other, "c"), update(other, "b", "2"),
          delete(other, "a"), update(other, "c", "2"), create(other, "d"));
      writer.close();

      server = server.restart();
      writer = null;
      Http resumedHttp = new Http(server.url());
      Http.Watch resumed = resumedHttp.watch(CMS + "?watch=true&resourceVersion=" + last);
      List<Seen> seenMissed = take(resumed, missed.size());
      assertSeen(seenMissed, missed, last);
      // then the live stream follows without a gap or a repeat
      List<Seen> live = List.of(update(resumedHttp, "d", "2"), create(resumedHttp, "e"));
      List<Seen> seenLive = take(resumed, 2);
      resumed.close();
      assertSeen(seenLive, live, seenMissed.get(seenMissed.size() - 1).rv());
    } finally {
      server.close();
      if (writer != null) {
        writer.close();
      }
    }
  }

  @Test
  void aWatchResumedAfterARestartGetsTheEventsWrittenBeforeItResumedAndNothingTwice() {
    TestApiServer server = TestApiServer.start();
    try {
      Http http = new Http(server.url());
      String start = listRv(http);
      Http.Watch watch = http.watch(CMS + "?watch=true&resourceVersion=" + start);
      List<Seen> before = List.of(create(http, "p"), create(http, "q"), delete(http, "p"));
      List<Seen> seenBefore = take(watch, 3);
      assertSeen(seenBefore, before, Long.parseLong(start));
      long last = seenBefore.get(2).rv();

      server = server.restart();
      assertThat(watch.next().path("type").asText()).isEqualTo("END");
      Http again = new Http(server.url());
      List<Seen> missed = List.of(update(again, "q", "2"), create(again, "r"),
          create(again, "p"));
      Http.Watch resumed = again.watch(CMS + "?watch=true&resourceVersion=" + last);
      List<Seen> live = List.of(delete(again, "q"), update(again, "r", "2"));
      List<Seen> expected = new ArrayList<>(missed);
      expected.addAll(live);
      List<Seen> seen = take(resumed, expected.size());
      resumed.close();
      assertSeen(seen, expected, last);
    } finally {
      server.close();
    }
  }
}
