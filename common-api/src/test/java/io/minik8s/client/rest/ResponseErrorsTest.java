package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusCause;
import io.minik8s.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseErrorsTest {

  private static ApiException error(int code, String body) {
    return ResponseErrors.toException(
        code, Optional.empty(), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aStatusBodyIsCarriedAsTheServerSentIt() {
    ApiException e =
        error(
            422,
            """
{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","code":422,
 "message":"Deployment.apps \\"x\\" is invalid: spec.replicas: Invalid value: -1",
 "details":{"name":"x","group":"apps","kind":"Deployment","causes":[
   {"reason":"FieldValueInvalid","message":"Invalid value: -1","field":"spec.replicas"}]}}
""");
    assertThat(e.isInvalid()).isTrue();
    assertThat(e.getMessage()).startsWith("Deployment.apps \"x\" is invalid");
    assertThat(e.status().getDetails().getCauses())
        .extracting(StatusCause::getField)
        .containsExactly("spec.replicas");
  }

  @Test
  void aStatusWithoutReasonOrCodeGetsThemFromTheHttpCode() {
    ApiException e = error(404, "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"x\"}");
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.code()).isEqualTo(404);
    assertThat(e.getMessage()).isEqualTo("x");
  }

  @ParameterizedTest
  @CsvSource({
    "400, BadRequest", "401, Unauthorized", "403, Forbidden", "404, NotFound",
    "405, MethodNotAllowed", "409, Conflict", "410, Gone", "415, UnsupportedMediaType",
    "422, Invalid", "429, TooManyRequests", "500, InternalError", "503, ServiceUnavailable",
    "504, Timeout", "502, Unknown"
  })
  void aBodyThatIsNotAStatusGetsASynthesizedOne(int code, String reason) {
    ApiException e = error(code, "<html>proxy says no</html>");
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.status().getStatus()).isEqualTo("Failure");
    assertThat(e.status().getDetails().getCauses().get(0).getMessage())
        .isEqualTo("<html>proxy says no</html>");
  }

  @Test
  void synthesizedErrorsKeepTheUpstreamPredicatesWorking() {
    assertThat(error(401, "").isUnauthorized()).isTrue();
    assertThat(error(403, "").isForbidden()).isTrue();
    assertThat(error(410, "").isGone()).isTrue();
    assertThat(error(409, "").isConflict()).isTrue();
    assertThat(error(404, "").getMessage())
        .isEqualTo("the server could not find the requested resource");
    assertThat(error(500, "boom").getMessage())
        .isEqualTo("an error on the server (\"boom\") has prevented the request from succeeding");
  }

  @Test
  void retryAfterOfASynthesizedStatusIsKept() {
    ApiException e = ResponseErrors.toException(503, Optional.of("5"), new byte[0]);
    assertThat(e.status().getDetails().getRetryAfterSeconds()).isEqualTo(5);
  }
}
