package io.minik8s.apiserver.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import java.util.Map;

/**
 * Valid objects of each kind, as builders that a test changes in one place. Stored objects (for
 * updates) carry what the registry sets: a uid, a creationTimestamp and a resourceVersion.
 */
final class Fixtures {
  static final Map<String, String> APP = Map.of("app", "web");

  private Fixtures() {}

  static Container container(String name) {
    return new ContainerBuilder().withName(name).withImage("nginx:1.25").build();
  }

  static PodBuilder pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .withLabels(APP)
        .endMetadata()
        .withNewSpec()
        .withContainers(container("app"))
        .withRestartPolicy("Always")
        .withDnsPolicy("ClusterFirst")
        .endSpec();
  }

  /** A pod as stored: with the fields the registry sets. */
  static PodBuilder storedPod() {
    return pod()
        .editMetadata()
        .withUid("1f0c7c0e-1111-4222-8333-944445555666")
        .withCreationTimestamp("2024-01-01T00:00:00Z")
        .withResourceVersion("7")
        .endMetadata();
  }

  static PodTemplateSpec template(Map<String, String> labels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withContainers(container("app"))
        .withRestartPolicy("Always")
        .endSpec()
        .build();
  }

  static DeploymentBuilder deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .withNewSelector()
        .withMatchLabels(APP)
        .endSelector()
        .withTemplate(template(APP))
        .endSpec();
  }

  static ReplicaSetBuilder replicaSet() {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName("web-5d4f")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .withMatchLabels(APP)
        .endSelector()
        .withTemplate(template(APP))
        .endSpec();
  }

  static ReplicationControllerBuilder replicationController() {
    return new ReplicationControllerBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withSelector(APP)
        .withTemplate(template(APP))
        .endSpec();
  }

  static ServiceBuilder service() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(APP)
        .withSessionAffinity("None")
        .addNewPort()
        .withPort(80)
        .withProtocol("TCP")
        .withNewTargetPort(8080)
        .endPort()
        .endSpec();
  }

  /** A metadata block as stored, for update tests of any kind. */
  static io.fabric8.kubernetes.api.model.ObjectMeta stored(String name, String namespace) {
    return new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withUid("9a7b7c0e-1111-4222-8333-944445555666")
        .withCreationTimestamp("2024-01-01T00:00:00Z")
        .withResourceVersion("12")
        .build();
  }

  /** The errors as upstream prints them, "field: Type: value: detail". */
  static List<String> messages(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).toList();
  }
}
