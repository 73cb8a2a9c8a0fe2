package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.minik8s.apiserver.storage.Preconditions;
import io.minik8s.apiserver.storage.StorageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Upstream's deletion rules: immediate deletion, graceful deletion (deletionTimestamp +
 * deletionGracePeriodSeconds until a delete with grace 0), finalizers that hold an object until
 * they are removed, and the propagation policies that add the foregroundDeletion or orphan
 * finalizer for the garbage collector.
 */
final class Deleter {
  static final String FOREGROUND = "foregroundDeletion";
  static final String ORPHAN = "orphan";

  private final GenericStore store;
  private final Clock clock;

  Deleter(GenericStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  CompletableFuture<DeleteResult> delete(String namespace, String name, DeleteOptionsView options) {
    String key = store.key(namespace, name);
    Preconditions preconditions = new Preconditions(options.uid(), options.resourceVersion());
    ResourceStrategy strategy = store.strategy();
    return store
        .storage()
        .get(key)
        .thenCompose(
            current -> {
              preconditions.check(key, current);
              long grace = strategy.gracePeriodSeconds(current, options.gracePeriodSeconds());
              List<String> added = finalizersFor(options.propagationPolicy(), current);
              boolean held = !finalizers(current).isEmpty() || !added.isEmpty();
              boolean deferred = strategy.deferDeletion(current);
              if (grace == 0 && !held && !deferred) {
                return deleteNow(key, current, preconditions, options.dryRun());
              }
              ObjectMeta meta = current.getMetadata();
              Long currentGrace = meta.getDeletionGracePeriodSeconds();
              boolean shortens =
                  meta.getDeletionTimestamp() == null
                      || (currentGrace != null && grace < currentGrace);
              if (!shortens && added.isEmpty()) {
                if (grace == 0 && !held && meta.getDeletionTimestamp() != null) {
                  return deleteNow(key, current, preconditions, options.dryRun());
                }
                return CompletableFuture.completedFuture(new DeleteResult(current, false));
              }
              if (options.dryRun()) {
                return CompletableFuture.completedFuture(new DeleteResult(current, false));
              }
              return store
                  .storage()
                  .guaranteedUpdate(key, preconditions, cur -> markDeleted(cur, grace, added))
                  .thenCompose(marked -> grace == 0
                      ? deleteIfFinalized(namespace, marked)
                          .thenApply(o -> new DeleteResult(o, o != marked))
                      : CompletableFuture.completedFuture(new DeleteResult(marked, false)));
            });
  }

  private CompletableFuture<DeleteResult> deleteNow(
      String key, HasMetadata current, Preconditions preconditions, boolean dryRun) {
    if (dryRun) {
      return CompletableFuture.completedFuture(new DeleteResult(current, true));
    }
    return store
        .storage()
        .delete(key, preconditions)
        .thenApply(
            deleted -> {
              store.strategy().afterDelete(deleted);
              return new DeleteResult(deleted, true);
            });
  }

  private HasMetadata markDeleted(HasMetadata current, long grace, List<String> added) {
    HasMetadata next = SpecStatus.copy(current);
    ObjectMeta meta = next.getMetadata();
    meta.setDeletionTimestamp(
        GenericStore.timestamp(clock.instant().plusSeconds(grace)));
    meta.setDeletionGracePeriodSeconds(grace);
    // upstream's BeforeDelete: an object whose generation is tracked records the deletion as a
    // new generation, so controllers watching observedGeneration notice it
    if (meta.getGeneration() != null && meta.getGeneration() > 0) {
      meta.setGeneration(meta.getGeneration() + 1);
    }
    List<String> finalizers = new ArrayList<>(finalizers(next));
    for (String f : added) {
      if (!finalizers.contains(f)) {
        finalizers.add(f);
      }
    }
    meta.setFinalizers(finalizers);
    meta.setResourceVersion(null);
    store.strategy().prepareForDeferredDeletion(next);
    return next;
  }

  /**
   * Removes an object whose deletion was pending once nothing holds it any more: deletionTimestamp
   * set, no finalizers, grace period 0 and nothing the strategy waits for. Answers the deleted
   * object, or the stored one unchanged.
   */
  CompletableFuture<HasMetadata> deleteIfFinalized(String namespace, HasMetadata stored) {
    ObjectMeta meta = stored.getMetadata();
    boolean finalized =
        meta.getDeletionTimestamp() != null
            && finalizers(stored).isEmpty()
            && (meta.getDeletionGracePeriodSeconds() == null
                || meta.getDeletionGracePeriodSeconds() == 0)
            && !store.strategy().deferDeletion(stored);
    if (!finalized) {
      return CompletableFuture.completedFuture(stored);
    }
    String key = store.key(namespace, meta.getName());
    return store
        .storage()
        .delete(key, new Preconditions(meta.getUid(), meta.getResourceVersion()))
        .thenApply(
            deleted -> {
              store.strategy().afterDelete(deleted);
              return deleted;
            })
        .exceptionally(
            e -> {
              // someone else deleted or changed it first: that writer decides
              if (StorageErrors.unwrap(e) instanceof StorageException) {
                return stored;
              }
              throw new java.util.concurrent.CompletionException(StorageErrors.unwrap(e));
            });
  }

  private static List<String> finalizersFor(String policy, HasMetadata current) {
    if ("Foreground".equals(policy)) {
      return List.of(FOREGROUND);
    }
    if ("Orphan".equals(policy)) {
      return List.of(ORPHAN);
    }
    return List.of();
  }

  private static List<String> finalizers(HasMetadata object) {
    List<String> f = object.getMetadata().getFinalizers();
    return f == null ? List.of() : f;
  }
}
