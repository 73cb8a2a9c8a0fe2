package io.minik8s.apiserver.registry;

import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.storage.StorageException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place where storage failures become API Statuses (storage → HTTP boundary). */
public final class StorageErrors {
  private StorageErrors() {}

  /** Unwraps completion wrappers and translates storage errors; other errors pass through. */
  public static Throwable translate(Throwable error, ResourceType type, String name) {
    Throwable t = unwrap(error);
    if (t instanceof StorageException e) {
      return toApi(e, type, name);
    }
    return t;
  }

  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  public static ApiException toApi(StorageException e, ResourceType type, String name) {
    String group = type == null ? "" : type.group();
    String resource = type == null ? "" : type.resource();
    return switch (e.reason()) {
      case NOT_FOUND -> ApiException.notFound(group, resource, name);
      case KEY_EXISTS -> ApiException.alreadyExists(group, resource, name);
      case CONFLICT -> ApiException.conflict(group, resource, name, e.getMessage());
      case GONE -> ApiException.expired(e.getMessage());
      case TOO_LARGE_RESOURCE_VERSION ->
          ApiException.timeout("Too large resource version: " + e.getMessage(), 1);
      case INVALID_REQUEST -> ApiException.badRequest(e.getMessage());
      case UNAVAILABLE -> ApiException.serviceUnavailable("etcd unavailable: " + e.getMessage());
      case INTERNAL -> ApiException.internal(e.getMessage());
    };
  }
}
