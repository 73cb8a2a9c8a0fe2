package io.minik8s.apiserver.endpoints.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Policy;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtobufBodiesTest {
  private static final byte[] BINARY = {0, (byte) 0xff, (byte) 0xfe, 'k', '8', 's', 0, 10};

  private static JsonNode json(String text) throws IOException {
    return Serialization.json().readTree(text);
  }

  @Test
  void decodesTheNamespaceKubectlCreateNamespaceSends() throws IOException {
    assertThat(ProtobufBodies.tree(KubectlBodies.namespace("team-a"))).isEqualTo(json("""
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"},"spec":{},
         "status":{}}"""));
  }

  @Test
  void keepsPointerZerosAndDropsNonPointerZerosOfADeployment() throws IOException {
    JsonNode d = ProtobufBodies.tree(KubectlBodies.deployment("web"));
    assertThat(d.at("/apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(d.at("/metadata")).isEqualTo(json("""
        {"name":"web","labels":{"app":"web","tier":""}}"""));
    // replicas is *int32 upstream: 0 means "scale to zero" and must survive
    assertThat(d.at("/spec/replicas").isInt()).isTrue();
    assertThat(d.at("/spec/replicas").asInt()).isZero();
    assertThat(d.at("/spec").has("minReadySeconds")).isFalse();
    assertThat(d.at("/spec").has("paused")).isFalse();
    assertThat(d.at("/spec").has("revisionHistoryLimit")).isFalse();
    assertThat(d.at("/spec/strategy")).isEqualTo(json("""
        {"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":"25%"}}"""));
    JsonNode container = d.at("/spec/template/spec/containers/0");
    assertThat(container).isEqualTo(json("""
        {"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],
         "resources":{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":"250m"}}}"""));
    assertThat(d.at("/spec/template/metadata")).isEqualTo(json("{\"labels\":{\"app\":\"web\"}}"));
    assertThat(d.at("/status")).isEqualTo(json("{}"));
  }

  @Test
  void decodesIntOrStringTargetPortsAndDropsUnsetNodePorts() throws IOException {
    JsonNode s = ProtobufBodies.tree(KubectlBodies.service("web"));
    assertThat(s.at("/spec/ports")).isEqualTo(json("""
        [{"name":"web","protocol":"TCP","port":80,"targetPort":"http"},
         {"name":"metrics","protocol":"TCP","port":9090,"targetPort":9091}]"""));
    assertThat(s.at("/spec/type").asText()).isEqualTo("NodePort");
    assertThat(s.at("/spec").has("clusterIP")).isFalse();
    assertThat(s.at("/status")).isEqualTo(json("{\"loadBalancer\":{}}"));
  }

  @Test
  void encodesSecretAndConfigMapBytesAsBase64() {
    JsonNode secret = ProtobufBodies.tree(KubectlBodies.secret("creds", BINARY));
    assertThat(Base64.getDecoder().decode(secret.at("/data/key.bin").asText()))
        .isEqualTo(BINARY);
    assertThat(secret.at("/data/user").asText()).isEqualTo("YWRtaW4=");
    assertThat(secret.at("/type").asText()).isEqualTo("Opaque");

    JsonNode cm = ProtobufBodies.tree(KubectlBodies.configMap("cfg", BINARY));
    assertThat(cm.at("/data/greeting").asText()).isEqualTo("hello");
    assertThat(cm.at("/data/empty").isTextual()).isTrue();
    assertThat(cm.at("/data/empty").asText()).isEmpty();
    assertThat(Base64.getDecoder().decode(cm.at("/binaryData/blob").asText())).isEqualTo(BINARY);
  }

  @Test
  void keepsAFalseAutomountOnServiceAccounts() {
    JsonNode sa = ProtobufBodies.tree(KubectlBodies.serviceAccount("robot"));
    assertThat(sa.at("/automountServiceAccountToken").isBoolean()).isTrue();
    assertThat(sa.at("/automountServiceAccountToken").asBoolean()).isFalse();
  }

  @Test
  void writesTimesAsRfc3339AndMicroTimesWithMicroseconds() {
    V1.Event event = V1.Event.newBuilder()
        .setMetadata(KubectlBodies.meta("e1"))
        .setFirstTimestamp(Meta.Time.newBuilder().setSeconds(1_700_000_000L))
        .setLastTimestamp(Meta.Time.getDefaultInstance())
        .setEventTime(Meta.MicroTime.newBuilder().setSeconds(1_700_000_000L)
            .setNanos(123_456_789))
        .setCount(0)
        .build();
    JsonNode tree = ProtobufBodies.tree(KubectlBodies.envelope("v1", "Event", event));
    assertThat(tree.at("/firstTimestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(tree.at("/eventTime").asText()).isEqualTo("2023-11-14T22:13:20.123456Z");
    assertThat(tree.has("lastTimestamp")).isFalse();
    assertThat(tree.has("count")).isFalse();
  }

  @Test
  void decodesDeleteOptionsUnderEitherApiVersionKeepingAZeroGracePeriod() {
    Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder().setGracePeriodSeconds(0)
        .setPropagationPolicy("Foreground").build();
    for (String apiVersion : new String[] {"v1", "meta.k8s.io/v1"}) {
      JsonNode tree = ProtobufBodies.tree(
          KubectlBodies.envelope(apiVersion, "DeleteOptions", options));
      assertThat(tree.at("/gracePeriodSeconds").isIntegralNumber()).isTrue();
      assertThat(tree.at("/gracePeriodSeconds").asLong()).isZero();
      assertThat(tree.at("/propagationPolicy").asText()).isEqualTo("Foreground");
    }
  }

  @Test
  void decodesTheEvictionDrainPosts() {
    V1Policy.Eviction eviction = V1Policy.Eviction.newBuilder()
        .setMetadata(KubectlBodies.meta("web-1").setNamespace("default"))
        .setDeleteOptions(Meta.DeleteOptions.getDefaultInstance())
        .build();
    JsonNode tree = ProtobufBodies.tree(KubectlBodies.envelope("policy/v1", "Eviction", eviction));
    assertThat(tree.at("/metadata/namespace").asText()).isEqualTo("default");
    assertThat(tree.at("/deleteOptions").isObject()).isTrue();
  }

  @Test
  void decodesLeasesByUpstreamFieldNumbers() throws IOException {
    // coordination.k8s.io/v1 ships no generated class: encode by generated.proto's numbers
    ByteArrayOutputStream spec = new ByteArrayOutputStream();
    CodedOutputStream s = CodedOutputStream.newInstance(spec);
    s.writeString(1, "node-1");
    s.writeInt32(2, 40);
    s.writeByteArray(4, Meta.MicroTime.newBuilder().setSeconds(1_700_000_000L)
        .setNanos(5_000).build().toByteArray());
    s.writeInt32(5, 0);
    s.flush();
    ByteArrayOutputStream lease = new ByteArrayOutputStream();
    CodedOutputStream l = CodedOutputStream.newInstance(lease);
    l.writeByteArray(1, KubectlBodies.meta("node-1").build().toByteArray());
    l.writeByteArray(2, spec.toByteArray());
    l.flush();
    JsonNode tree = ProtobufBodies.tree(KubectlBodies.envelope("coordination.k8s.io/v1",
        "Lease", ByteString.copyFrom(lease.toByteArray())));
    assertThat(tree.at("/spec")).isEqualTo(json("""
        {"holderIdentity":"node-1","leaseDurationSeconds":40,
         "renewTime":"2023-11-14T22:13:20.000005Z","leaseTransitions":0}"""));
  }

  @Test
  void decodesEndpointSlicesKeepingFalseConditions() throws IOException {
    ByteArrayOutputStream conditions = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(conditions);
    c.writeBool(1, false);
    c.writeBool(2, true);
    c.flush();
    ByteArrayOutputStream endpoint = new ByteArrayOutputStream();
    CodedOutputStream e = CodedOutputStream.newInstance(endpoint);
    e.writeString(1, "10.0.0.7");
    e.writeByteArray(2, conditions.toByteArray());
    e.writeString(6, "node-1");
    e.flush();
    ByteArrayOutputStream port = new ByteArrayOutputStream();
    CodedOutputStream p = CodedOutputStream.newInstance(port);
    p.writeString(1, "");
    p.writeString(2, "TCP");
    p.writeInt32(3, 8080);
    p.flush();
    ByteArrayOutputStream slice = new ByteArrayOutputStream();
    CodedOutputStream sl = CodedOutputStream.newInstance(slice);
    sl.writeByteArray(1, KubectlBodies.meta("web-abc").build().toByteArray());
    sl.writeByteArray(2, endpoint.toByteArray());
    sl.writeByteArray(3, port.toByteArray());
    sl.writeString(4, "IPv4");
    sl.flush();
    JsonNode tree = ProtobufBodies.tree(KubectlBodies.envelope("discovery.k8s.io/v1",
        "EndpointSlice", ByteString.copyFrom(slice.toByteArray())));
    assertThat(tree).isEqualTo(json("""
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
         "metadata":{"name":"web-abc"},"addressType":"IPv4",
         "endpoints":[{"addresses":["10.0.0.7"],"conditions":{"ready":false,"serving":true},
                       "nodeName":"node-1"}],
         "ports":[{"name":"","protocol":"TCP","port":8080}]}"""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not enveloped | {\"kind\":\"Namespace\"}"
          + " | provided data does not appear to be a protobuf message",
      "truncated | TRUNCATED | the body of the request could not be decoded",
      "unknown kind | UNKNOWN | no kind \"Widget\" is registered for version \"v1\"",
      "empty | | the body of the request is empty"})
  void refusesBadBodiesWithBadRequest(String name, String body, String message) {
    byte[] bytes = switch (String.valueOf(body)) {
      case "TRUNCATED" -> {
        byte[] full = KubectlBodies.deployment("web");
        yield Arrays.copyOf(full, full.length - 7);
      }
      case "UNKNOWN" -> KubectlBodies.envelope("v1", "Widget", ByteString.EMPTY);
      case "null" -> new byte[0];
      default -> body.getBytes();
    };
    assertThatThrownBy(() -> ProtobufBodies.tree(bytes))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "application/vnd.kubernetes.protobuf | true",
      "Application/Vnd.Kubernetes.Protobuf; charset=binary | true",
      "application/json | false",
      "application/vnd.kubernetes.protobuf+json | false",
      "NULL | false"})
  void recognisesTheProtobufMediaType(String contentType, boolean handled) {
    assertThat(ProtobufBodies.handles(contentType)).isEqualTo(handled);
  }
}
