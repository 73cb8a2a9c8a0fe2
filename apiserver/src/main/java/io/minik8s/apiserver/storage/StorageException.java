package io.minik8s.apiserver.storage;

/** A storage failure with a reason the endpoints layer translates into an HTTP Status. */
public final class StorageException extends RuntimeException {

  /** Why a storage operation failed. */
  public enum Reason {
    /** The key does not exist. */
    NOT_FOUND,
    /** Create found the key already there. */
    KEY_EXISTS,
    /** A precondition (uid, resourceVersion) failed. */
    CONFLICT,
    /** The requested revision is compacted (or a continue token expired): clients re-list. */
    GONE,
    /** The requested revision is newer than the store has seen (upstream's "too large RV"). */
    TOO_LARGE_RESOURCE_VERSION,
    /** A continue token or resourceVersion could not be parsed. */
    INVALID_REQUEST,
    /** etcd cannot be reached or timed out. */
    UNAVAILABLE,
    /** Anything else: corrupt data, unexpected etcd errors. */
    INTERNAL
  }

  private final Reason reason;
  private final String key;

  public StorageException(Reason reason, String key, String message) {
    super(message);
    this.reason = reason;
    this.key = key;
  }

  public StorageException(Reason reason, String key, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.key = key;
  }

  public Reason reason() {
    return reason;
  }

  public String key() {
    return key;
  }
}
