package io.minik8s.apiserver.endpoints.patch;

import static io.minik8s.apiserver.endpoints.patch.StrategicMergePatchTest.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON patch (RFC 6902) with the semantics of evanphx/json-patch v4, as upstream applies it. */
class JsonPatchTest {
  static final String DOC = """
      {"metadata":{"name":"x","annotations":{"a/b":"1","m~n":"2"}},
       "spec":{"list":[1,2,3],"nested":{"k":"v"}}}""";

  static Stream<Arguments> patches() {
    return Stream.of(
        Arguments.of("add a member", """
            [{"op":"add","path":"/spec/new","value":{"x":1}}]""", "/spec/new", "{\"x\":1}"),
        Arguments.of("add inserts into an array", """
            [{"op":"add","path":"/spec/list/1","value":9}]""", "/spec/list", "[1,9,2,3]"),
        Arguments.of("add at the end of an array", """
            [{"op":"add","path":"/spec/list/3","value":9}]""", "/spec/list", "[1,2,3,9]"),
        Arguments.of("add appends with -", """
            [{"op":"add","path":"/spec/list/-","value":9}]""", "/spec/list", "[1,2,3,9]"),
        Arguments.of("add with a negative index counts from the end", """
            [{"op":"add","path":"/spec/list/-1","value":9}]""", "/spec/list", "[1,2,3,9]"),
        Arguments.of("remove a member", """
            [{"op":"remove","path":"/spec/nested/k"}]""", "/spec/nested", "{}"),
        Arguments.of("remove an element", """
            [{"op":"remove","path":"/spec/list/0"}]""", "/spec/list", "[2,3]"),
        Arguments.of("replace a member", """
            [{"op":"replace","path":"/metadata/name","value":"y"}]""", "/metadata/name", "\"y\""),
        Arguments.of("replace of a missing member adds it (json-patch v4)", """
            [{"op":"replace","path":"/spec/nested/q","value":"w"}]""", "/spec/nested",
            "{\"k\":\"v\",\"q\":\"w\"}"),
        Arguments.of("~1 and ~0 escape / and ~", """
            [{"op":"replace","path":"/metadata/annotations/a~1b","value":"x"},
             {"op":"remove","path":"/metadata/annotations/m~0n"}]""", "/metadata/annotations",
            "{\"a/b\":\"x\"}"),
        Arguments.of("move", """
            [{"op":"move","from":"/spec/nested/k","path":"/spec/moved"}]""", "/spec",
            "{\"list\":[1,2,3],\"nested\":{},\"moved\":\"v\"}"),
        Arguments.of("copy", """
            [{"op":"copy","from":"/spec/nested","path":"/spec/copied"}]""", "/spec/copied",
            "{\"k\":\"v\"}"),
        Arguments.of("a passing test lets the rest apply", """
            [{"op":"test","path":"/spec/list","value":[1,2,3]},
             {"op":"replace","path":"/spec/list/0","value":0}]""", "/spec/list", "[0,2,3]"),
        Arguments.of("rollout undo's replace of the template and annotations", """
            [{"op":"replace","path":"/spec/nested","value":{"t":"old"}},
             {"op":"replace","path":"/metadata/annotations","value":{"rev":"3"}}]""",
            "/metadata", "{\"name\":\"x\",\"annotations\":{\"rev\":\"3\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patches")
  void appliesAsUpstream(String name, String patch, String pointer, String expected)
      throws IOException {
    JsonNode result = JsonPatch.apply(object(DOC), Serialization.json().readTree(patch));
    assertThat(result.at(pointer)).isEqualTo(Serialization.json().readTree(expected));
  }

  static Stream<Arguments> unprocessable() {
    return Stream.of(
        Arguments.of("a failing test",
            "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"z\"}]"),
        Arguments.of("removing a missing member", "[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]"),
        Arguments.of("a path through a missing member",
            "[{\"op\":\"add\",\"path\":\"/spec/nope/x\",\"value\":1}]"),
        Arguments.of("an index past the end",
            "[{\"op\":\"add\",\"path\":\"/spec/list/5\",\"value\":1}]"),
        Arguments.of("replacing a missing element",
            "[{\"op\":\"replace\",\"path\":\"/spec/list/3\",\"value\":1}]"),
        Arguments.of("an unknown op", "[{\"op\":\"frob\",\"path\":\"/spec\"}]"),
        Arguments.of("an op without path", "[{\"op\":\"add\",\"value\":1}]"));
  }

  @ParameterizedTest(name = "{0} is upstream's generic 422")
  @MethodSource("unprocessable")
  void failuresAreUnprocessable(String name, String patch) {
    assertThatThrownBy(() -> JsonPatch.apply(object(DOC), Serialization.json().readTree(patch)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.reason()).isEqualTo("Invalid");
          assertThat(e.getMessage())
              .isEqualTo("the server rejected our request due to an error in our request");
        });
  }

  @Test
  void aPatchThatIsNotAListIsABadRequest() {
    assertThatThrownBy(() -> JsonPatch.apply(object(DOC), object("{\"op\":\"add\"}")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage())
              .isEqualTo("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        });
  }

  @Test
  void moreThanTenThousandOperationsAreTooLarge() {
    String patch = "[" + String.join(",", java.util.Collections.nCopies(10_001,
        "{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"x\"}")) + "]";
    assertThatThrownBy(() -> JsonPatch.apply(object(DOC), Serialization.json().readTree(patch)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(413));
  }
}
