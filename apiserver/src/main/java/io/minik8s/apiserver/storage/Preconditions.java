package io.minik8s.apiserver.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Conditions an object must meet for a write to proceed (upstream's storage.Preconditions).
 *
 * @param uid required metadata.uid, or null
 * @param resourceVersion required metadata.resourceVersion, or null
 */
public record Preconditions(String uid, String resourceVersion) {
  public static final Preconditions NONE = new Preconditions(null, null);

  /** Throws {@link StorageException.Reason#CONFLICT} when the object does not meet them. */
  public void check(String key, HasMetadata current) {
    if (uid != null && !uid.equals(current.getMetadata().getUid())) {
      throw new StorageException(
          StorageException.Reason.CONFLICT,
          key,
          "Precondition failed: UID in precondition: "
              + uid
              + ", UID in object meta: "
              + current.getMetadata().getUid());
    }
    if (resourceVersion != null
        && !resourceVersion.equals(current.getMetadata().getResourceVersion())) {
      throw new StorageException(
          StorageException.Reason.CONFLICT,
          key,
          "Precondition failed: ResourceVersion in precondition: "
              + resourceVersion
              + ", ResourceVersion in object meta: "
              + current.getMetadata().getResourceVersion());
    }
  }
}
