package io.minik8s.apiserver.storage.etcd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.etcd.jetcd.ByteSequence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.minik8s.api.Serialization;
import io.minik8s.apiserver.storage.StorageException;
import java.io.IOException;

/**
 * Objects as etcd values: JSON without metadata.resourceVersion, which upstream never stores
 * because etcd's mod_revision is the version.
 */
final class ObjectCodec {
  private final ObjectMapper mapper = Serialization.json();
  private final Class<? extends HasMetadata> type;

  ObjectCodec(Class<? extends HasMetadata> type) {
    this.type = type;
  }

  /** The value to store; the object itself is left untouched. */
  ByteSequence encode(String key, HasMetadata object) {
    try {
      ObjectNode tree = mapper.valueToTree(object);
      if (tree.get("metadata") instanceof ObjectNode metadata) {
        metadata.remove("resourceVersion");
      }
      return ByteSequence.from(mapper.writeValueAsBytes(tree));
    } catch (IOException | IllegalArgumentException e) {
      throw new StorageException(
          StorageException.Reason.INTERNAL, key, "cannot encode " + key + ": " + e.getMessage(), e);
    }
  }

  /** A fresh object from a stored value, its resourceVersion set to {@code revision}. */
  HasMetadata decode(String key, ByteSequence value, long revision) {
    try {
      HasMetadata object = mapper.readValue(value.getBytes(), type);
      if (object.getMetadata() == null) {
        object.setMetadata(new ObjectMeta());
      }
      object.getMetadata().setResourceVersion(Long.toString(revision));
      return object;
    } catch (IOException e) {
      throw new StorageException(
          StorageException.Reason.INTERNAL,
          key,
          "cannot decode object at " + key + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * An empty object of this type carrying only a resourceVersion: the object of a BOOKMARK event.
   */
  HasMetadata bookmark(long revision) {
    return bookmarkOf(type, revision);
  }

  static HasMetadata bookmarkOf(Class<? extends HasMetadata> type, long revision) {
    try {
      HasMetadata object = type.getDeclaredConstructor().newInstance();
      ObjectMeta metadata = new ObjectMeta();
      metadata.setResourceVersion(Long.toString(revision));
      object.setMetadata(metadata);
      return object;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type.getName(), e);
    }
  }
}
