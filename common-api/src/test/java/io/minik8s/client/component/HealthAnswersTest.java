package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.component.HealthAnswers.Answer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthAnswersTest {

  static Stream<Arguments> answers() {
    return Stream.of(
        // path + query, with a failing "bad" check?, expected code, expected body
        Arguments.of("/healthz", false, 200, "ok"),
        Arguments.of("/livez", false, 200, "ok"),
        Arguments.of("/healthz?verbose", false, 200, "[+]ping ok\nhealthz check passed\n"),
        Arguments.of("/readyz?verbose=1", false, 200, "[+]ping ok\nreadyz check passed\n"),
        Arguments.of("/healthz?exclude=dontexist", false, 200, "ok"),
        Arguments.of("/healthz?exclude=bad", true, 200, "ok"),
        Arguments.of(
            "/healthz?verbose=true&exclude=bad",
            true,
            200,
            "[+]ping ok\n[+]bad excluded: ok\nhealthz check passed\n"),
        Arguments.of(
            "/healthz?verbose=true&exclude=dontexist",
            false,
            200,
            "[+]ping ok\nwarn: some health checks cannot be excluded: no matches for"
                + " \"dontexist\"\nhealthz check passed\n"),
        Arguments.of("/healthz/ping", true, 200, "ok"),
        Arguments.of("/healthz/bad", true, 500, "internal server error: this will fail\n"),
        Arguments.of(
            "/healthz",
            true,
            500,
            "[+]ping ok\n[-]bad failed: reason withheld\nhealthz check failed\n"),
        Arguments.of(
            "/readyz?verbose",
            true,
            500,
            "[+]ping ok\n[-]bad failed: reason withheld\nreadyz check failed\n"));
  }

  @ParameterizedTest(name = "{0} with failing check {1} -> {2}")
  @MethodSource("answers")
  void answersAsUpstreamsHealthzHandlerDoes(
      String request, boolean withBadCheck, int code, String body) {
    HealthChecks checks = new HealthChecks();
    if (withBadCheck) {
      checks.addHealthChecks(
          HealthCheck.of(
              "bad",
              () -> {
                throw new IllegalStateException("this will fail");
              }));
    }
    String[] parts = request.split("\\?", 2);

    Answer answer =
        new HealthAnswers(checks)
            .answer(parts[0], parts.length > 1 ? parts[1] : null)
            .orElseThrow();

    assertThat(answer).isEqualTo(new Answer(code, body));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownPaths")
  void leavesOtherPathsAndUnknownChecksUnanswered(String path) {
    assertThat(new HealthAnswers(new HealthChecks()).answer(path, null)).isEmpty();
  }

  static Stream<String> unknownPaths() {
    return Stream.of("/", "/metrics", "/healthzx", "/healthz/nosuchcheck", "/readyz/");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsOfReadyzOnlyCheck")
  void runsAReadyzCheckOnReadyzOnly(String path, int code) {
    HealthChecks checks = new HealthChecks();
    checks.addReadyzChecks(
        HealthCheck.of(
            "informer-sync",
            () -> {
              throw new IllegalStateException("not synced");
            }));

    assertThat(new HealthAnswers(checks).answer(path, null).orElseThrow().code()).isEqualTo(code);
  }

  static Stream<Arguments> endpointsOfReadyzOnlyCheck() {
    return Stream.of(
        Arguments.of("/readyz", 500), Arguments.of("/healthz", 200), Arguments.of("/livez", 200));
  }
}
