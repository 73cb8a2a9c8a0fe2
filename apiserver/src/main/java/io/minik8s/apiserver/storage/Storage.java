package io.minik8s.apiserver.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.concurrent.CompletableFuture;

/**
 * The storage of one resource (one Java type), keyed by full etcd keys such as
 * "/registry/pods/default/web". Every method is asynchronous and never blocks the caller; failures
 * complete the future exceptionally with a {@link StorageException}.
 *
 * <p>Objects returned carry metadata.resourceVersion = the etcd mod_revision they were stored at.
 * Objects passed in are not retained; objects handed out may be shared with other readers (the
 * watch cache) and must not be mutated.
 */
public interface Storage extends AutoCloseable {

  /**
   * Stores a new object; fails with {@link StorageException.Reason#KEY_EXISTS} if the key exists.
   * The object's resourceVersion is ignored (cleared before writing).
   *
   * @param ttlSeconds when positive, the key is attached to an etcd lease of that many seconds
   */
  CompletableFuture<HasMetadata> create(String key, HasMetadata object, long ttlSeconds);

  /** The current object; {@link StorageException.Reason#NOT_FOUND} if absent. */
  CompletableFuture<HasMetadata> get(String key);

  /**
   * Objects under a key prefix (ending in '/'), with upstream's resourceVersion, limit and continue
   * semantics (see {@link ListRequest}).
   */
  CompletableFuture<ListResult> list(String prefix, ListRequest request);

  /**
   * Reads the current object, applies {@code tryUpdate} and writes the result if the object did
   * not change in between (etcd transaction on mod_revision), retrying with a fresh read otherwise.
   * The function may throw (any RuntimeException, e.g. an API conflict) to abort; that exception
   * completes the future. Returns the stored object. If the function returns an object equal to
   * the current one, nothing is written and the current object is returned.
   *
   * @param preconditions checked against the current object before each attempt
   */
  CompletableFuture<HasMetadata> guaranteedUpdate(
      String key, Preconditions preconditions, UpdateFunction tryUpdate);

  /**
   * Deletes the object if the preconditions hold; returns the object as it was last stored.
   * {@link StorageException.Reason#NOT_FOUND} if absent, {@link StorageException.Reason#CONFLICT}
   * if a precondition fails.
   */
  CompletableFuture<HasMetadata> delete(String key, Preconditions preconditions);

  /**
   * Watches every key under the prefix for changes after {@code afterRevision} (events with a
   * revision greater than it), in revision order. An {@code afterRevision} of 0 means "from now".
   * A revision already compacted away ends the watch through {@link WatchListener#onError} with
   * {@link StorageException.Reason#GONE}.
   */
  Watch watch(String prefix, long afterRevision, WatchListener listener);

  /**
   * Like {@link #watch(String, long, WatchListener)}; with {@code bookmarks} the listener may also
   * get BOOKMARK events telling how far the stream has come. Implementations without bookmarks
   * ignore the flag.
   */
  default Watch watch(String prefix, long afterRevision, WatchListener listener, boolean bookmarks) {
    return watch(prefix, afterRevision, listener);
  }

  /** The newest revision of the store (etcd's header revision). */
  CompletableFuture<Long> currentRevision();

  /** A running watch. Closing it stops delivery; no listener call follows a close. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /** Computes the new object from the current one (which must not be mutated). */
  @FunctionalInterface
  interface UpdateFunction {
    HasMetadata apply(HasMetadata current);
  }

  @Override
  void close();
}
