package io.minik8s.apiserver.admission;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.auth.UserInfo;

/**
 * What admission sees of a write.
 *
 * @param operation CREATE, UPDATE or DELETE
 * @param type the resource
 * @param subresource the subresource, or ""
 * @param namespace the request's namespace, or ""
 * @param name the object's name (may be empty for generateName creates)
 * @param object the new object (null for DELETE)
 * @param user who asks
 */
public record AdmissionRequest(
    String operation,
    ResourceType type,
    String subresource,
    String namespace,
    String name,
    HasMetadata object,
    UserInfo user) {

  /** The pod a CREATE of the pods resource itself (no subresource) carries, or null. */
  public io.fabric8.kubernetes.api.model.Pod createdPod() {
    if (operation.equals("CREATE") && subresource.isEmpty()
        && object instanceof io.fabric8.kubernetes.api.model.Pod pod && pod.getSpec() != null) {
      return pod;
    }
    return null;
  }
}
