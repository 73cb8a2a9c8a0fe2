package io.minik8s.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.Manifests;
import io.minik8s.api.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Defaulting the Kubernetes docs' example manifests gives what upstream's API server stores. */
class DefaultsManifestTest {
  private static final String MISSING = "<missing>";
  private static final String RC_CONTAINER =
      "nginx-replicationcontroller|/spec/template/spec/containers/0/";
  private static final String RS_CONTAINER =
      "frontend-replicaset|/spec/template/spec/containers/0/";
  private static final String INIT = "init-containers-pod|/spec/initContainers/";
  private static final String LIVENESS = "http-liveness-pod|/spec/containers/0/livenessProbe/";
  private static final String SINK_CONTAINER = "kitchen-sink-pod|/spec/containers/0/";
  private static final String SINK_VOLUMES = "kitchen-sink-pod|/spec/volumes/";
  private static final String SINK_RESOURCES =
      "{\"cpu\":\"500m\",\"memory\":\"1536Mi\",\"ephemeral-storage\":\"2Gi\"}";

  private static JsonNode defaulted(String manifest) {
    HasMetadata object = Manifests.decode(manifest);
    Defaults.apply(object);
    return Manifests.encode(object);
  }

  @Test
  void theDocsNginxDeploymentGetsExactlyUpstreamsDefaults() {
    JsonNode expected = Manifests.tree("nginx-deployment-defaulted.yaml");

    assertThat(defaulted("nginx-deployment.yaml")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.minik8s.api.Manifests#ALL")
  void defaultingTwiceChangesNothing(String manifest) {
    HasMetadata object = Manifests.decode(manifest);
    Defaults.apply(object);
    JsonNode once = Manifests.encode(object);

    Defaults.apply(object);

    assertThat(Manifests.encode(object)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.minik8s.api.Manifests#ALL")
  void defaultingOnlyAddsFieldsAndKeepsEveryExplicitValue(String manifest) {
    JsonNode input = Manifests.tree(manifest);
    JsonNode output = defaulted(manifest);

    assertContains(output, input, "");
  }

  /** Every field of {@code input} is in {@code output} with the same value (quantities aside). */
  private static void assertContains(JsonNode output, JsonNode input, String path) {
    if (input.isObject()) {
      input
          .fields()
          .forEachRemaining(
              e -> assertContains(output.path(e.getKey()), e.getValue(), path + "/" + e.getKey()));
    } else if (input.isArray()) {
      assertThat(output.size()).as(path).isEqualTo(input.size());
      for (int i = 0; i < input.size(); i++) {
        assertContains(output.get(i), input.get(i), path + "/" + i);
      }
    } else if (!path.contains("/resources/")) {
      assertThat(output).as(path).isEqualTo(input);
    }
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // ReplicationController: labels and selector from the template, pull policy from the tag
        "nginx-replicationcontroller|/spec/replicas|3",
        "nginx-replicationcontroller|/metadata/labels|{\"app\":\"nginx\"}",
        RC_CONTAINER + "imagePullPolicy|\"Always\"",
        RC_CONTAINER + "ports/0/protocol|\"TCP\"",
        "nginx-replicationcontroller|/spec/template/spec/enableServiceLinks|" + MISSING,
        "frontend-replicaset|/spec/replicas|3",
        RS_CONTAINER + "imagePullPolicy|\"IfNotPresent\"",
        "frontend-replicaset|/spec/template/spec/schedulerName|\"default-scheduler\"",
        // Services: no IP or node port allocated here
        "my-service|/spec/type|\"ClusterIP\"",
        "my-service|/spec/sessionAffinity|\"None\"",
        "my-service|/spec/ports/0/targetPort|9376",
        "my-service|/spec/internalTrafficPolicy|\"Cluster\"",
        "my-service|/spec/externalTrafficPolicy|" + MISSING,
        "my-service|/spec/clusterIP|" + MISSING,
        "nodeport-service|/spec/externalTrafficPolicy|\"Cluster\"",
        "nodeport-service|/spec/ports/0/protocol|\"TCP\"",
        "nodeport-service|/spec/ports/0/nodePort|30007",
        "endpointslice|/ports/0/name|\"http\"",
        // Pods
        "security-context-pod|/spec/securityContext/runAsUser|1000",
        "security-context-pod|/spec/enableServiceLinks|true",
        "security-context-pod|/spec/volumes/0/emptyDir|{}",
        "security-context-pod|/spec/terminationGracePeriodSeconds|30",
        INIT + "1/terminationMessagePath|\"/dev/termination-log\"",
        INIT + "1/terminationMessagePolicy|\"File\"",
        INIT + "0/resources|{}",
        LIVENESS + "periodSeconds|3",
        LIVENESS + "initialDelaySeconds|3",
        LIVENESS + "timeoutSeconds|1",
        LIVENESS + "successThreshold|1",
        LIVENESS + "failureThreshold|3",
        LIVENESS + "httpGet/scheme|\"HTTP\"",
        LIVENESS + "httpGet/path|\"/healthz\"",
        "dapi-envars-pod|/spec/restartPolicy|\"Never\"",
        "dapi-envars-pod|/spec/containers/0/env/4/valueFrom/fieldRef/apiVersion|\"v1\"",
        "dapi-envars-pod|/spec/containers/0/imagePullPolicy|\"Always\"",
        "resources-pod|/spec/containers/1/resources|"
            + "{\"limits\":{\"cpu\":\"500m\",\"memory\":\"128Mi\"},"
            + "\"requests\":{\"cpu\":\"250m\",\"memory\":\"64Mi\"}}",
        // limits copied into requests, both rounded and written as upstream writes them
        SINK_CONTAINER + "resources/limits|" + SINK_RESOURCES,
        SINK_CONTAINER + "resources/requests|" + SINK_RESOURCES,
        SINK_CONTAINER + "imagePullPolicy|\"IfNotPresent\"",
        SINK_CONTAINER + "ports/0/protocol|\"TCP\"",
        SINK_CONTAINER + "ports/1/protocol|\"UDP\"",
        SINK_CONTAINER + "livenessProbe/httpGet/path|\"/\"",
        SINK_CONTAINER + "readinessProbe/periodSeconds|10",
        SINK_CONTAINER + "startupProbe/grpc/service|\"\"",
        SINK_CONTAINER + "startupProbe/failureThreshold|30",
        SINK_CONTAINER + "lifecycle/preStop/httpGet/scheme|\"HTTP\"",
        SINK_CONTAINER + "lifecycle/preStop/httpGet/path|\"/shutdown\"",
        SINK_CONTAINER + "env/1/valueFrom/resourceFieldRef/divisor|\"1m\"",
        "kitchen-sink-pod|/spec/initContainers/1/imagePullPolicy|\"IfNotPresent\"",
        SINK_VOLUMES + "0/emptyDir|{}",
        SINK_VOLUMES + "1/configMap/defaultMode|420",
        SINK_VOLUMES + "2/secret/defaultMode|256",
        SINK_VOLUMES + "3/hostPath/type|\"\"",
        SINK_VOLUMES + "4/downwardAPI/defaultMode|420",
        SINK_VOLUMES + "4/downwardAPI/items/0/fieldRef/apiVersion|\"v1\"",
        SINK_VOLUMES + "5/projected/defaultMode|420",
        SINK_VOLUMES + "5/projected/sources/0/serviceAccountToken/expirationSeconds|3600",
        SINK_VOLUMES + "5/projected/sources/1/downwardAPI/items/0/fieldRef/apiVersion|\"v1\"",
        SINK_VOLUMES + "5/projected/sources/2/configMap|{\"name\":\"web-config\"}",
        SINK_VOLUMES + "6/emptyDir|{\"medium\":\"Memory\",\"sizeLimit\":\"64Mi\"}",
        "kitchen-sink-pod|/spec/tolerations/0/tolerationSeconds|60",
      })
  void fillsUpstreamsDefaultsAndKeepsExplicitValues(String manifest, String pointer, String json)
      throws Exception {
    JsonNode actual = defaulted(manifest + ".yaml").at(pointer);

    if (json.equals(MISSING)) {
      assertThat(actual.isMissingNode()).as(pointer + " is " + actual).isTrue();
    } else {
      assertThat(actual).isEqualTo(Serialization.json().readTree(json));
    }
  }

  @Test
  void aPodTemplateGetsNoPodOnlyDefaults() {
    ObjectNode template = (ObjectNode) defaulted("nginx-deployment.yaml").at("/spec/template/spec");

    assertThat(template.has("enableServiceLinks")).isFalse();
    assertThat(template.at("/containers/0/resources/requests").isMissingNode()).isTrue();
  }
}
