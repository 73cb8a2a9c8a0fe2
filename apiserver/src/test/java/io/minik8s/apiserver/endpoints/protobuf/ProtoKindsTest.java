package io.minik8s.apiserver.endpoints.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProtoKindsTest {
  @ParameterizedTest
  @CsvSource({
      "k8s.io.api.core.v1, v1",
      "k8s.io.api.apps.v1, apps/v1",
      "k8s.io.api.policy.v1, policy/v1",
      "k8s.io.api.coordination.v1, coordination.k8s.io/v1",
      "k8s.io.api.discovery.v1, discovery.k8s.io/v1",
      "k8s.io.api.scheduling.v1, scheduling.k8s.io/v1",
      "k8s.io.api.rbac.v1, rbac.authorization.k8s.io/v1",
      "k8s.io.api.autoscaling.v2, autoscaling/v2"})
  void namesTheApiVersionOfAProtoPackage(String protoPackage, String apiVersion) {
    assertThat(ProtoKinds.apiVersion(protoPackage)).isEqualTo(apiVersion);
  }

  static Stream<ResourceType> served() {
    return ResourceRegistry.builtIn().all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("served")
  void decodesEveryServedKind(ResourceType type) {
    Descriptor message = ProtoKinds.builtIn().find(type.apiVersion(), type.kind()).orElseThrow();
    assertThat(message.getName()).isEqualTo(type.kind());
    assertThat(message.findFieldByName("metadata")).isNotNull();
  }

  @Test
  void findsMetaKindsUnderAnyApiVersion() {
    assertThat(ProtoKinds.builtIn().find("apps/v1", "DeleteOptions").orElseThrow().getFullName())
        .isEqualTo("k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions");
    assertThat(ProtoKinds.builtIn().find("v1", "Widget")).isEmpty();
  }

  /** A misspelt entry would silently drop a meaningful zero (replicas: 0 → defaulted to 1). */
  @Test
  void everyKeptZeroNamesARealField() {
    Map<String, Descriptor> messages = new HashMap<>();
    for (FileDescriptor file : ProtoKinds.builtInFiles()) {
      for (Descriptor d : file.getMessageTypes()) {
        messages.put(d.getFullName(), d);
      }
    }
    assertThat(GoFieldPresence.entries()).hasSizeGreaterThan(100).allSatisfy(entry -> {
      int dot = entry.lastIndexOf('.');
      Descriptor message = messages.get(entry.substring(0, dot));
      assertThat(message).as(entry).isNotNull();
      assertThat(message.findFieldByName(entry.substring(dot + 1))).as(entry).isNotNull();
    });
  }
}
