package io.minik8s.apiserver.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.Serialization;
import java.util.Objects;

/**
 * One change in storage. The object's JSON is encoded at most once and shared by every watcher
 * that sends it.
 */
public final class WatchEvent {

  /** Upstream's watch event types. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }

  private final Type type;
  private final String key;
  private final HasMetadata object;
  private final HasMetadata prevObject;
  private final long revision;
  private volatile byte[] objectJson;

  /**
   * @param key the etcd key (null for bookmarks)
   * @param object the new state; for DELETED the last state, with resourceVersion = the deletion
   *     revision, as upstream sends it; for BOOKMARK an object of the watched kind carrying only
   *     metadata.resourceVersion
   * @param prevObject the state before the change, or null (ADDED, BOOKMARK)
   * @param revision the etcd revision of the change
   */
  public WatchEvent(Type type, String key, HasMetadata object, HasMetadata prevObject, long revision) {
    this.type = Objects.requireNonNull(type);
    this.key = key;
    this.object = Objects.requireNonNull(object);
    this.prevObject = prevObject;
    this.revision = revision;
  }

  public Type type() {
    return type;
  }

  public String key() {
    return key;
  }

  public HasMetadata object() {
    return object;
  }

  public HasMetadata prevObject() {
    return prevObject;
  }

  public long revision() {
    return revision;
  }

  /** The object as JSON bytes, encoded once and cached. Callers must not modify the array. */
  public byte[] objectJson() {
    byte[] json = objectJson;
    if (json == null) {
      try {
        json = Serialization.json().writeValueAsBytes(object);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot encode " + key, e);
      }
      objectJson = json;
    }
    return json;
  }

  @Override
  public String toString() {
    return type + " " + key + "@" + revision;
  }
}
