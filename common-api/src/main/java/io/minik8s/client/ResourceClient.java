package io.minik8s.client;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * The typed client of one resource (client-go's typed clients). Every call is synchronous and
 * throws {@link ApiException} carrying the server's Status on failure (isNotFound, isConflict,
 * ...), or its subclass {@link ConnectionException} when no answer arrived. For cluster-scoped
 * resources pass a null namespace; for "all namespaces" lists and watches pass null too; a
 * namespaced get/update/delete with a null namespace is an {@link IllegalArgumentException}.
 *
 * <p>Objects passed in are not modified; objects returned are new and owned by the caller.
 */
public interface ResourceClient<T extends HasMetadata> {

  ResourceType type();

  /** GET; throws ApiException 404 if missing. */
  T get(String namespace, String name);

  /** GET, empty if the object does not exist. */
  Optional<T> find(String namespace, String name);

  /** One page of a list (all of it when options.limit is 0). */
  ListPage<T> list(String namespace, ListOptions options);

  /**
   * Every page of a list, following continue tokens; the first page's resourceVersion. If a
   * continue token expires (410) it falls back to one unpaged list, as client-go's pager does.
   */
  ListPage<T> listAll(String namespace, ListOptions options);

  /**
   * Opens a watch (options.watch implied). Throws if the server refuses the watch request; once it
   * returns, events arrive on a dedicated thread in order and every outcome reaches the listener,
   * whose {@code onClose} runs exactly once when the stream ends for any reason. The start of a
   * watch is rate limited and retried like any GET; the stream itself is not.
   */
  Watch watch(String namespace, ListOptions options, WatchListener<T> listener);

  /**
   * POST; a namespaced object goes to its metadata.namespace, else to the client's default
   * namespace ({@link KubeClient#namespace()}).
   */
  T create(T object);

  /** PUT of the object (optimistic concurrency on its resourceVersion when set). */
  T update(T object);

  /** PUT of the status subresource. */
  T updateStatus(T object);

  /** PATCH with the given type and body (JSON text). */
  T patch(String namespace, String name, PatchType type, String patch);

  /** DELETE; answers the object as the server returned it, or empty for a Status answer. */
  Optional<T> delete(String namespace, String name, DeleteOptions options);

  /** DELETE on the collection; the deleted objects. */
  List<T> deleteCollection(String namespace, ListOptions options, DeleteOptions deleteOptions);

  /** Patch types, with their content types. */
  enum PatchType {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json");

    private final String contentType;

    PatchType(String contentType) {
      this.contentType = contentType;
    }

    public String contentType() {
      return contentType;
    }
  }

  /**
   * A running watch; closing it ends the stream. When {@code close()} returns (called from any
   * thread but the listener's own), the listener's {@code onClose(null)} has run and no further
   * call will come; called from the listener, it takes effect when the listener returns.
   */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
