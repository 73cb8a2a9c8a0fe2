package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One watch cache fanning every event out to many concurrent watchers over real HTTP. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WatchFanOutIT {
  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    http = new Http(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String namespace(String name) {
    assertThat(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}")
        .code()).isEqualTo(201);
    return name;
  }

  static String cms(String ns) {
    return "/api/v1/namespaces/" + ns + "/configmaps";
  }

  static void create(String ns, String name, String labels, String value) {
    assertThat(http.post(cms(ns), WatchIT.configMap(name, labels, value)).code()).isEqualTo(201);
  }

  static String listRv(String path) {
    return http.get(path).json().at("/metadata/resourceVersion").asText();
  }

  static long rv(JsonNode event) {
    return event.at("/object/metadata/resourceVersion").asLong();
  }

  static String name(JsonNode event) {
    return event.at("/object/metadata/name").asText();
  }

  @Test
  void aHundredConcurrentWatchersEachReceiveEveryEventOfTwoHundredWrites() throws Exception {
    String ns = namespace("w-fanout");
    String rv = listRv(cms(ns));
    List<Http.Watch> watches = IntStream.range(0, 100)
        .mapToObj(i -> http.watch(cms(ns) + "?watch=true&resourceVersion=" + rv)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String name = "cm-%03d".formatted(i);
        writes.add(CompletableFuture.runAsync(() -> create(ns, name, "", "1"), pool));
      }
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    Set<String> expected = new HashSet<>();
    IntStream.range(0, 200).forEach(i -> expected.add("cm-%03d".formatted(i)));
    for (Http.Watch watch : watches) {
      List<String> names = new ArrayList<>();
      long previous = Long.parseLong(rv);
      for (int i = 0; i < 200; i++) {
        JsonNode event = watch.next();
        assertThat(event.path("type").asText()).as(event.toString()).isEqualTo("ADDED");
        assertThat(rv(event)).isGreaterThan(previous);
        previous = rv(event);
        names.add(name(event));
      }
      watch.close();
      assertThat(names).doesNotHaveDuplicates();
      assertThat(new HashSet<>(names)).isEqualTo(expected);
    }
  }
}
