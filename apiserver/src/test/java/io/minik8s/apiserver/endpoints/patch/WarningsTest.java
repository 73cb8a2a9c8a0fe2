package io.minik8s.apiserver.endpoints.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.http.Responder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarningsTest {
  @Test
  void quotesEscapesAndSendsEachTextOnce() {
    Warnings warnings = new Warnings();
    warnings.addAll(List.of("a \"b\" c\\d", "a \"b\" c\\d", "second"));
    assertThat(warnings.headers())
        .containsExactly(Map.entry("Warning", "299 - \"a \\\"b\\\" c\\\\d\", 299 - \"second\""));
  }

  @Test
  void dropsTextsThatCannotGoInAHeader() {
    Warnings warnings = new Warnings();
    warnings.add("unknown field \"a\nb\"");
    assertThat(warnings.headers()).isEmpty();
  }

  @Test
  void addsTheWarningsRecordedUntilTheAnswerToIt() {
    Map<String, String> sent = new HashMap<>();
    Responder responder = new Responder() {
      @Override
      public void respond(int status, String contentType, byte[] body,
          Map<String, String> headers) {
        sent.putAll(headers);
      }

      @Override
      public Stream stream(String contentType) {
        throw new UnsupportedOperationException();
      }
    };
    Warnings warnings = new Warnings();
    Responder warned = warnings.on(responder);
    warnings.add("late");
    warned.respond(200, "application/json", new byte[0], Map.of("Retry-After", "1"));
    assertThat(sent).containsEntry("Warning", "299 - \"late\"").containsEntry("Retry-After", "1");
  }
}
