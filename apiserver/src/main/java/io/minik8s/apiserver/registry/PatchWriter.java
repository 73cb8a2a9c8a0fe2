package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.apiserver.storage.Preconditions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The registry half of PATCH (upstream's patcher over Store.Update): the patch is applied to the
 * current object and the result goes through the update path; when the object changes before the
 * write lands, the whole thing runs again on the fresh object, as upstream's GuaranteedUpdate
 * re-applies the patch. A resourceVersion the patch sets is a precondition instead.
 */
final class PatchWriter {
  /** Like the storage's bounded optimistic retries (a documented difference). */
  static final int ATTEMPTS = 100;

  private final GenericStore store;

  PatchWriter(GenericStore store) {
    this.store = store;
  }

  CompletableFuture<HasMetadata> patch(String namespace, String name, String subresource,
      UnaryOperator<HasMetadata> patch, Function<HasMetadata, CompletableFuture<Void>> admit,
      boolean dryRun, int attempts) {
    String key = store.key(namespace, name);
    return store.storage().get(key).thenCompose(current -> {
      HasMetadata patched = patch.apply(current);
      String version = current.getMetadata().getResourceVersion();
      String requested = patched.getMetadata().getResourceVersion();
      if (requested != null && !requested.isEmpty() && !requested.equals(version)) {
        throw ApiException.modified(store.type().group(), store.type().resource(), name);
      }
      // the version read makes the write conditional: a change in between means patch again
      patched.getMetadata().setResourceVersion(version);
      return write(namespace, key, subresource, patched, current, admit, dryRun)
          .exceptionallyCompose(e -> {
            Throwable t = StorageErrors.translate(e, store.type(), name);
            if (t instanceof ApiException api && api.isConflict() && attempts > 1) {
              return patch(namespace, name, subresource, patch, admit, dryRun, attempts - 1);
            }
            return CompletableFuture.failedFuture(t);
          });
    });
  }

  private CompletableFuture<HasMetadata> write(String namespace, String key, String subresource,
      HasMetadata patched, HasMetadata current,
      Function<HasMetadata, CompletableFuture<Void>> admit, boolean dryRun) {
    ResourceStrategy strategy = store.strategy();
    return admit.apply(patched)
        .thenCompose(v -> subresource != null
            ? CompletableFuture.completedFuture(patched)
            : strategy.beforeUpdate(patched, current, dryRun))
        .thenCompose(prepared -> {
          if (dryRun) {
            return CompletableFuture.completedFuture(store.merge(prepared, current, subresource));
          }
          return store.storage()
              .guaranteedUpdate(key, Preconditions.NONE,
                  cur -> store.merge(prepared, cur, subresource))
              .thenApply(stored -> {
                strategy.afterUpdate(stored, current);
                return stored;
              })
              .thenCompose(stored -> store.deleter().deleteIfFinalized(namespace, stored));
        });
  }
}
