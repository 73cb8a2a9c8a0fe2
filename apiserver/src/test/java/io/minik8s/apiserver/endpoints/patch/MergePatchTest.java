package io.minik8s.apiserver.endpoints.patch;

import static io.minik8s.apiserver.endpoints.patch.StrategicMergePatchTest.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON merge patch: the examples of RFC 7386 appendix A, on object documents. */
class MergePatchTest {
  static Stream<Arguments> rfcExamples() {
    return Stream.of(
        Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
        Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
        Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
        Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
        Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
        Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
        Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}",
            "{\"a\":{\"b\":\"d\"}}"),
        Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
        Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
        Arguments.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"),
        Arguments.of("{\"spec\":{\"replicas\":1,\"paused\":true}}",
            "{\"spec\":{\"replicas\":3}}", "{\"spec\":{\"replicas\":3,\"paused\":true}}"));
  }

  @ParameterizedTest
  @MethodSource("rfcExamples")
  void mergesAsRfc7386(String target, String patch, String expected) throws IOException {
    assertThat(MergePatch.apply(object(target), Serialization.json().readTree(patch)))
        .isEqualTo(Serialization.json().readTree(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"x\"", "5"})
  void aPatchThatIsNeitherObjectNorArrayIsInvalid(String patch) {
    assertThatThrownBy(() -> MergePatch.apply(object("{}"), Serialization.json().readTree(patch)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("Invalid JSON Patch");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,null,{\"a\":null}]"})
  void anArrayPatchReplacesTheDocumentWithoutNullMembers(String patch) throws IOException {
    assertThat(MergePatch.apply(object("{\"a\":1}"), Serialization.json().readTree(patch)))
        .isEqualTo(Serialization.json().readTree("[1,null,{}]"));
  }
}
