package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;

/** Objects for the tests of this package. */
final class Fixtures {
  private Fixtures() {}

  static ConfigMap configMap(String namespace, String name) {
    return configMap(namespace, name, "1");
  }

  static ConfigMap configMap(String namespace, String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withData(Map.of("v", value))
        .build();
  }

  /** The object with its resourceVersion set, as a server answers it. */
  static <T extends HasMetadata> T atVersion(T obj, long resourceVersion) {
    obj.getMetadata().setResourceVersion(Long.toString(resourceVersion));
    return obj;
  }

  static Pod pod(String namespace, String name, String nodeName) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNodeName(nodeName)
        .endSpec()
        .build();
  }

  static Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
