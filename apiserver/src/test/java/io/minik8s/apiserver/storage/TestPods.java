package io.minik8s.apiserver.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.UUID;

/** Pod fixtures and the copies the storage tests write. */
public final class TestPods {
  private TestPods() {}

  public static Pod pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid(UUID.randomUUID().toString())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }

  public static Pod onNode(Pod pod, String node) {
    return new PodBuilder(pod).editSpec().withNodeName(node).endSpec().build();
  }

  public static Pod withLabel(Pod pod, String key, String value) {
    return new PodBuilder(pod).editMetadata().addToLabels(key, value).endMetadata().build();
  }

  /** A copy with annotation "count" one higher: the unit of the concurrent-update tests. */
  public static Pod incremented(HasMetadata current) {
    Pod pod = (Pod) current;
    String count =
        pod.getMetadata().getAnnotations() == null
            ? null
            : pod.getMetadata().getAnnotations().get("count");
    int next = count == null ? 1 : Integer.parseInt(count) + 1;
    return new PodBuilder(pod)
        .editMetadata()
        .addToAnnotations("count", Integer.toString(next))
        .endMetadata()
        .build();
  }

  public static int count(HasMetadata object) {
    var annotations = object.getMetadata().getAnnotations();
    return annotations == null || !annotations.containsKey("count")
        ? 0
        : Integer.parseInt(annotations.get("count"));
  }

  public static long rv(HasMetadata object) {
    return Long.parseLong(object.getMetadata().getResourceVersion());
  }
}
