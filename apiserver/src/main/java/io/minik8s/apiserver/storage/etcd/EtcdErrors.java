package io.minik8s.apiserver.storage.etcd;

import io.etcd.jetcd.common.exception.ClosedClientException;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Translates jetcd and gRPC failures into {@link StorageException}s, in this one place. */
final class EtcdErrors {
  /** etcd's message for a read at a revision older than the compacted one. */
  private static final String COMPACTED = "required revision has been compacted";

  /** etcd's message for a read at a revision it has not reached. */
  private static final String FUTURE_REVISION = "required revision is a future revision";

  private EtcdErrors() {}

  /** The failure without the CompletionException/ExecutionException wrappers futures add. */
  static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  static boolean isCompacted(Throwable t) {
    return messageContains(unwrap(t), COMPACTED);
  }

  static boolean isFutureRevision(Throwable t) {
    return messageContains(unwrap(t), FUTURE_REVISION);
  }

  /**
   * The storage failure for an etcd call on {@code key}. StorageExceptions pass through unchanged,
   * so translating twice is harmless.
   */
  static StorageException translate(Throwable t, String key) {
    Throwable cause = unwrap(t);
    if (cause instanceof StorageException storage) {
      return storage;
    }
    if (cause instanceof ClosedClientException) {
      return new StorageException(Reason.UNAVAILABLE, key, "etcd client closed", cause);
    }
    Status.Code code = grpcCode(cause);
    if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
      return new StorageException(
          Reason.UNAVAILABLE, key, "etcd unavailable: " + cause.getMessage(), cause);
    }
    return new StorageException(
        Reason.INTERNAL, key, "etcd request failed: " + cause.getMessage(), cause);
  }

  private static Status.Code grpcCode(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EtcdException etcd) {
        ErrorCode code = etcd.getErrorCode();
        if (code == ErrorCode.UNAVAILABLE) {
          return Status.Code.UNAVAILABLE;
        }
        if (code == ErrorCode.DEADLINE_EXCEEDED) {
          return Status.Code.DEADLINE_EXCEEDED;
        }
      }
      if (c instanceof StatusRuntimeException s) {
        return s.getStatus().getCode();
      }
      if (c instanceof StatusException s) {
        return s.getStatus().getCode();
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return Status.Code.UNKNOWN;
  }

  private static boolean messageContains(Throwable t, String text) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && c.getMessage().contains(text)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
