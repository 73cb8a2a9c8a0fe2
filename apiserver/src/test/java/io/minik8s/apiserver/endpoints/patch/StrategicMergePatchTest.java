package io.minik8s.apiserver.endpoints.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A catalogue of strategic merge patches with the results upstream's strategicpatch gives. */
class StrategicMergePatchTest {
  private final StrategicMergePatch engine =
      new StrategicMergePatch(new ModelSchema(Serialization.json()));

  static final String TWO_CONTAINERS = """
      {"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}""";

  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("containers merge by name, others untouched", Pod.class, TWO_CONTAINERS,
            """
            {"spec":{"containers":[{"name":"b","image":"b:2"}]}}""",
            """
            {"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"}]}}"""),
        Arguments.of("a new element without $setElementOrder goes first", Pod.class,
            TWO_CONTAINERS, """
            {"spec":{"containers":[{"name":"c","image":"c:1"}]}}""", """
            {"spec":{"containers":[{"name":"c","image":"c:1"},{"name":"a","image":"a:1"},
              {"name":"b","image":"b:1"}]}}"""),
        Arguments.of("$setElementOrder places a new element", Pod.class, TWO_CONTAINERS, """
            {"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"c"},{"name":"b"}],
              "containers":[{"name":"c","image":"c:1"}]}}""", """
            {"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"c","image":"c:1"},
              {"name":"b","image":"b:1"}]}}"""),
        Arguments.of("$setElementOrder alone reorders", Pod.class, TWO_CONTAINERS, """
            {"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}""", """
            {"spec":{"containers":[{"name":"b","image":"b:1"},{"name":"a","image":"a:1"}]}}"""),
        Arguments.of("$patch: delete removes the element with the key", Pod.class,
            TWO_CONTAINERS, """
            {"spec":{"containers":[{"$patch":"delete","name":"a"}]}}""", """
            {"spec":{"containers":[{"name":"b","image":"b:1"}]}}"""),
        Arguments.of("$patch: replace replaces the whole list", Pod.class, TWO_CONTAINERS, """
            {"spec":{"containers":[{"name":"z","image":"z:1"},{"$patch":"replace"}]}}""", """
            {"spec":{"containers":[{"name":"z","image":"z:1"}]}}"""),
        Arguments.of("$patch: replace replaces a map", Pod.class, """
            {"spec":{"securityContext":{"runAsNonRoot":true,"fsGroup":2}}}""", """
            {"spec":{"securityContext":{"$patch":"replace","runAsUser":1}}}""", """
            {"spec":{"securityContext":{"runAsUser":1}}}"""),
        Arguments.of("$patch: delete empties a map", Pod.class, """
            {"spec":{"securityContext":{"fsGroup":2},"nodeName":"n"}}""", """
            {"spec":{"securityContext":{"$patch":"delete"}}}""", """
            {"spec":{"securityContext":{},"nodeName":"n"}}"""),
        Arguments.of("null deletes a field (uncordon)", Node.class, """
            {"spec":{"unschedulable":true,"podCIDR":"10.0.0.0/24"}}""", """
            {"spec":{"unschedulable":null}}""", """
            {"spec":{"podCIDR":"10.0.0.0/24"}}"""),
        Arguments.of("maps merge key by key, null deleting", Pod.class, """
            {"metadata":{"labels":{"a":"1","b":"2"}}}""", """
            {"metadata":{"labels":{"b":null,"c":"3"}}}""", """
            {"metadata":{"labels":{"a":"1","c":"3"}}}"""),
        Arguments.of("a list without strategy is replaced (tolerations)", Pod.class, """
            {"spec":{"tolerations":[{"key":"x","operator":"Exists"}]}}""", """
            {"spec":{"tolerations":[{"key":"y","operator":"Exists"}]}}""", """
            {"spec":{"tolerations":[{"key":"y","operator":"Exists"}]}}"""),
        Arguments.of("a list without strategy is replaced (taints)", Node.class, """
            {"spec":{"taints":[{"key":"a","effect":"NoSchedule"}]}}""", """
            {"spec":{"taints":[{"key":"b","effect":"NoExecute"}]}}""", """
            {"spec":{"taints":[{"key":"b","effect":"NoExecute"}]}}"""),
        Arguments.of("scalars merge as a set, patch elements first", Pod.class, """
            {"metadata":{"finalizers":["a","b"]}}""", """
            {"metadata":{"finalizers":["c","a"]}}""", """
            {"metadata":{"finalizers":["c","a","b"]}}"""),
        Arguments.of("$deleteFromPrimitiveList removes scalars", Pod.class, """
            {"metadata":{"finalizers":["a","b","c"]}}""", """
            {"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}}""", """
            {"metadata":{"finalizers":["a","c"]}}"""),
        Arguments.of("$setElementOrder orders scalars", Pod.class, """
            {"metadata":{"finalizers":["a","b"]}}""", """
            {"metadata":{"$setElementOrder/finalizers":["b","a","c"],"finalizers":["c"]}}""",
            """
            {"metadata":{"finalizers":["b","a","c"]}}"""),
        Arguments.of("an empty merge list changes nothing", Pod.class, TWO_CONTAINERS, """
            {"spec":{"containers":[]}}""", TWO_CONTAINERS),
        Arguments.of("$retainKeys clears unlisted fields (strategy)", Deployment.class, """
            {"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""",
            """
            {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""", """
            {"spec":{"strategy":{"type":"Recreate"}}}"""),
        Arguments.of("ports merge by containerPort", Pod.class, """
            {"spec":{"containers":[{"name":"a","ports":[{"containerPort":80},
              {"containerPort":443,"name":"https"}]}]}}""", """
            {"spec":{"containers":[{"name":"a","ports":[{"containerPort":443,"name":"tls"}]}]}}""",
            """
            {"spec":{"containers":[{"name":"a","ports":[{"containerPort":80},
              {"containerPort":443,"name":"tls"}]}]}}"""),
        Arguments.of("volumes merge by name", Pod.class, """
            {"spec":{"volumes":[{"name":"v1","emptyDir":{}},{"name":"v2","emptyDir":{}}]}}""",
            """
            {"spec":{"volumes":[{"name":"v2","emptyDir":null,"hostPath":{"path":"/x"}}]}}""",
            """
            {"spec":{"volumes":[{"name":"v1","emptyDir":{}},
              {"name":"v2","hostPath":{"path":"/x"}}]}}"""),
        Arguments.of("service ports merge by port", Service.class, """
            {"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}""", """
            {"spec":{"ports":[{"port":80,"targetPort":9090}]}}""", """
            {"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}}"""),
        Arguments.of("node conditions merge by type", Node.class, """
            {"status":{"conditions":[{"type":"Ready","status":"False"},
              {"type":"MemoryPressure","status":"False"}]}}""", """
            {"status":{"conditions":[{"type":"Ready","status":"True"}]}}""", """
            {"status":{"conditions":[{"type":"Ready","status":"True"},
              {"type":"MemoryPressure","status":"False"}]}}"""),
        Arguments.of("ownerReferences merge by uid", Pod.class, """
            {"metadata":{"ownerReferences":[{"uid":"1","name":"a"}]}}""", """
            {"metadata":{"ownerReferences":[{"uid":"1","controller":true}]}}""", """
            {"metadata":{"ownerReferences":[{"uid":"1","name":"a","controller":true}]}}"""),
        Arguments.of("kubectl apply: a Deployment image change", Deployment.class, """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[
               {"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]},
               {"name":"sidecar","image":"busybox"}]}}}}""", """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{2}"}},
             "spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},
               {"name":"sidecar"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}""",
            """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{2}"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[
               {"name":"nginx","image":"nginx:1.26","ports":[{"containerPort":80}]},
               {"name":"sidecar","image":"busybox"}]}}}}"""),
        Arguments.of("kubectl apply: removing a container port", Deployment.class, """
            {"spec":{"template":{"spec":{"containers":[{"name":"app","ports":[
              {"containerPort":80,"protocol":"TCP"},
              {"containerPort":443,"protocol":"TCP"}]}]}}}}""",
            """
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"}],
              "containers":[{"$setElementOrder/ports":[{"containerPort":80}],"name":"app",
                "ports":[{"$patch":"delete","containerPort":443}]}]}}}}""", """
            {"spec":{"template":{"spec":{"containers":[{"name":"app","ports":[
              {"containerPort":80,"protocol":"TCP"}]}]}}}}"""),
        Arguments.of("kubectl apply: adding an env var", Deployment.class, """
            {"spec":{"template":{"spec":{"containers":[{"name":"app","image":"x",
              "env":[{"name":"A","value":"1"},{"name":"C","value":"3"}]}]}}}}""", """
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"}],
              "containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"B"},{"name":"C"}],
                "env":[{"name":"B","value":"2"}],"name":"app"}]}}}}""", """
            {"spec":{"template":{"spec":{"containers":[{"name":"app","image":"x",
              "env":[{"name":"A","value":"1"},{"name":"B","value":"2"},
                {"name":"C","value":"3"}]}]}}}}"""),
        Arguments.of("kubectl rollout restart: a template annotation", Deployment.class, """
            {"spec":{"template":{"metadata":{"labels":{"app":"x"}}}}}""", """
            {"spec":{"template":{"metadata":{"annotations":
              {"kubectl.kubernetes.io/restartedAt":"2025-01-01T00:00:00Z"}}}}}""", """
            {"spec":{"template":{"metadata":{"labels":{"app":"x"},"annotations":
              {"kubectl.kubernetes.io/restartedAt":"2025-01-01T00:00:00Z"}}}}}"""),
        // the next four are cases of upstream's patch_test.go, with mergingList as containers
        Arguments.of("upstream: set element order with server-only items", Pod.class, """
            {"spec":{"containers":[{"name":"1","workingDir":"a"},{"name":"2","image":"2"},
              {"name":"7"},{"name":"9"},{"name":"8"},{"name":"3","image":"3"},
              {"name":"4","image":"4"}]}}""", """
            {"spec":{"$setElementOrder/containers":[{"name":"2"},{"name":"1"},{"name":"4"},
              {"name":"3"}]}}""", """
            {"spec":{"containers":[{"name":"2","image":"2"},{"name":"1","workingDir":"a"},
              {"name":"7"},{"name":"9"},{"name":"8"},{"name":"4","image":"4"},
              {"name":"3","image":"3"}]}}"""),
        Arguments.of("upstream: add and delete an item and preserve order", Pod.class, """
            {"spec":{"containers":[{"name":"1","workingDir":"a"},
              {"name":"2","image":"2","workingDir":"b"},{"name":"3","image":"3"}]}}""", """
            {"spec":{"$setElementOrder/containers":[{"name":"4"},{"name":"2"},{"name":"1"}],
              "containers":[{"name":"4","image":"4"},{"name":"3","$patch":"delete"}]}}""", """
            {"spec":{"containers":[{"name":"4","image":"4"},
              {"name":"2","image":"2","workingDir":"b"},{"name":"1","workingDir":"a"}]}}"""),
        Arguments.of("upstream: set element order of scalars with server-only items", Pod.class,
            """
            {"metadata":{"finalizers":["1","2","9","3","4"]}}""", """
            {"metadata":{"$setElementOrder/finalizers":["2","1","4","3"]}}""", """
            {"metadata":{"finalizers":["2","1","9","4","3"]}}"""),
        Arguments.of("upstream: delete a scalar and preserve order", Pod.class, """
            {"metadata":{"finalizers":["1","2","3"]}}""", """
            {"metadata":{"$setElementOrder/finalizers":["2","1"],
              "$deleteFromPrimitiveList/finalizers":["3"]}}""", """
            {"metadata":{"finalizers":["2","1"]}}"""),
        Arguments.of("a value of another type replaces", Pod.class, """
            {"spec":{"nodeSelector":{"a":"b"}}}""", """
            {"spec":{"nodeSelector":"x"}}""", """
            {"spec":{"nodeSelector":"x"}}"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void mergesAsUpstream(String name, Class<?> type, String original, String patch,
      String expected) {
    JsonNode result = engine.apply(object(original), object(patch), type);
    assertThat(result).isEqualTo(object(expected));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("$retainKeys not naming a patched key", Deployment.class, """
            {"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{"maxSurge":1}}}}""",
            400, "invalid patch format of retainKeys"),
        Arguments.of("$retainKeys not a list", Deployment.class, """
            {"spec":{"strategy":{"$retainKeys":"type"}}}""",
            400, "invalid patch format of retainKeys"),
        Arguments.of("$deleteFromPrimitiveList without a list name", Pod.class, """
            {"metadata":{"$deleteFromPrimitiveList":["a"]}}""",
            400, "invalid patch format of primitive list"),
        Arguments.of("an element without its merge key", Pod.class, """
            {"spec":{"containers":[{"image":"x"}]}}""",
            500, "map: map[image:x] does not contain declared merge key: name"),
        Arguments.of("an unknown directive in a map", Pod.class, """
            {"spec":{"$patch":"frobnicate"}}""",
            500, "unknown patch type: frobnicate in map: map[$patch:frobnicate]"),
        Arguments.of("$patch: merge in a list", Pod.class, """
            {"spec":{"containers":[{"$patch":"merge"}]}}""",
            500, "merging lists cannot yet be specified in the patch"),
        Arguments.of("a patch list out of $setElementOrder's order", Pod.class, """
            {"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],
              "containers":[{"name":"b","image":"b:2"},{"name":"a","image":"a:2"}]}}""",
            500, "doesn't match $setElementOrder list"),
        Arguments.of("elements of different types", Pod.class, """
            {"metadata":{"finalizers":[["a"]]}}""",
            500, "list element types are not identical: [[x] [[a]]]"),
        Arguments.of("a list of lists", Pod.class, """
            {"spec":{"tolerations":[{"key":"k"}],"containers":[{"name":"a","ports":[[80]]}]}}""",
            422, "the server rejected our request due to an error in our request"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void rejectsAsUpstream(String name, Class<?> type, String patch, int code, String message) {
    String original = """
        {"metadata":{"finalizers":["x"]},"spec":{"containers":[{"name":"a","image":"a:1",
          "ports":[[443]]},{"name":"b","image":"b:1"}],"strategy":{"type":"Recreate"}}}""";
    assertThatThrownBy(() -> engine.apply(object(original), object(patch), type))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(message);
        });
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) Serialization.json().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
