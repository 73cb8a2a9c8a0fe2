package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.Preconditions;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.WatchListener;
import io.minik8s.apiserver.validation.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one registry code path for every resource (upstream's genericregistry.Store): metadata the
 * server owns, strategy hooks, validation, optimistic concurrency and error translation. Deletion
 * lives in {@link Deleter}.
 */
public final class GenericStore {
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  private static final int GENERATE_NAME_ATTEMPTS = 8;
  private static final int DELETE_COLLECTION_WORKERS = 16;

  private final ResourceStrategy strategy;
  private final Storage storage;
  private final String etcdPrefix;
  private final Clock clock;
  private final Deleter deleter;

  public GenericStore(ResourceStrategy strategy, Storage storage, String etcdPrefix, Clock clock) {
    this.strategy = strategy;
    this.storage = storage;
    this.etcdPrefix = etcdPrefix;
    this.clock = clock;
    this.deleter = new Deleter(this, clock);
  }

  public ResourceType type() {
    return strategy.type();
  }

  ResourceStrategy strategy() {
    return strategy;
  }

  /** Whether a completed DELETE answers with the object rather than a Status. */
  public boolean strategyReturnsDeletedObject() {
    return strategy.returnDeletedObject();
  }

  public Storage storage() {
    return storage;
  }

  public String key(String namespace, String name) {
    return type().etcdKey(etcdPrefix, namespace, name);
  }

  /** The prefix of all objects, or of one namespace's. */
  public String prefix(String namespace) {
    return type().etcdPrefix(etcdPrefix, namespace);
  }

  /** Creates an object (already decoded, defaulted and admitted) in the namespace. */
  public CompletableFuture<HasMetadata> create(String namespace, HasMetadata object, boolean dryRun) {
    ObjectMeta meta = object.getMetadata();
    meta.setNamespace(type().namespaced() ? namespace : null);
    meta.setUid(UUID.randomUUID().toString());
    meta.setCreationTimestamp(timestamp(clock.instant()));
    meta.setResourceVersion(null);
    meta.setDeletionTimestamp(null);
    meta.setDeletionGracePeriodSeconds(null);
    meta.setSelfLink(null);
    meta.setGeneration(strategy.tracksGeneration() ? 1L : null);
    boolean generated = (meta.getName() == null || meta.getName().isEmpty())
        && meta.getGenerateName() != null && !meta.getGenerateName().isEmpty();
    if (generated) {
      meta.setName(generateName(meta.getGenerateName()));
    }
    strategy.prepareForCreate(object);
    throwIfInvalid(object, strategy.validate(object));
    return strategy
        .beforeCreate(object, dryRun)
        .thenCompose(
            toStore -> {
              if (dryRun) {
                return CompletableFuture.completedFuture(toStore);
              }
              return store(namespace, toStore, generated ? GENERATE_NAME_ATTEMPTS : 1)
                  .whenComplete(
                      (ok, error) -> {
                        if (error != null) {
                          strategy.createFailed(toStore);
                        }
                      });
            });
  }

  private CompletableFuture<HasMetadata> store(String namespace, HasMetadata object, int attempts) {
    String name = object.getMetadata().getName();
    return storage
        .create(key(namespace, name), object, strategy.ttlSeconds(object))
        .handle(
            (stored, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(stored);
              }
              Throwable t = StorageErrors.unwrap(error);
              // upstream retries generateName collisions (RetryGenerateName) before giving up
              if (t instanceof StorageException se
                  && se.reason() == StorageException.Reason.KEY_EXISTS
                  && attempts > 1) {
                object.getMetadata().setName(generateName(object.getMetadata().getGenerateName()));
                return store(namespace, object, attempts - 1);
              }
              return CompletableFuture.<HasMetadata>failedFuture(
                  StorageErrors.translate(t, type(), name));
            })
        .thenCompose(f -> f);
  }

  public CompletableFuture<HasMetadata> get(String namespace, String name) {
    return translate(storage.get(key(namespace, name)), name);
  }

  public CompletableFuture<ListResult> list(String namespace, ListRequest request) {
    return translate(storage.list(prefix(namespace), request), "");
  }

  /** Watches the objects of a namespace (or all) after a revision; see {@link Storage#watch}. */
  public Storage.Watch watch(
      String namespace, long afterRevision, WatchListener listener, boolean bookmarks) {
    return storage.watch(prefix(namespace), afterRevision, listener, bookmarks);
  }

  /**
   * Replaces an object (PUT), or a subresource of it ("status", "finalize"; null for the object). A resourceVersion in the
   * body must match the stored one (409 otherwise); without one the update is unconditional.
   */
  public CompletableFuture<HasMetadata> update(
      String namespace, String name, HasMetadata object, String subresource, boolean dryRun) {
    boolean statusOnly = subresource != null;
    String key = key(namespace, name);
    String requestedVersion = object.getMetadata().getResourceVersion();
    if ((requestedVersion == null || requestedVersion.isEmpty())
        && !strategy.allowUnconditionalUpdate()) {
      return CompletableFuture.failedFuture(
          invalid(object, List.of(FieldError.required("metadata.resourceVersion",
              "must be specified for an update"))));
    }
    CompletableFuture<HasMetadata> result =
        storage
            .get(key)
            .handle((old, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(old);
              }
              Throwable t = StorageErrors.unwrap(error);
              if (t instanceof StorageException se
                  && se.reason() == StorageException.Reason.NOT_FOUND
                  && strategy.allowCreateOnUpdate() && !statusOnly) {
                throw new CreateOnUpdate();
              }
              return CompletableFuture.<HasMetadata>failedFuture(t);
            })
            .thenCompose(f -> f)
            .thenCompose(old -> (statusOnly
                ? CompletableFuture.completedFuture(object)
                : strategy.beforeUpdate(object, old, dryRun))
                .thenCompose(prepared -> {
                  if (dryRun) {
                    return storage.get(key).thenApply(cur -> merge(prepared, cur, subresource));
                  }
                  return storage.guaranteedUpdate(
                          key, Preconditions.NONE, cur -> merge(prepared, cur, subresource))
                      .thenApply(stored -> {
                        strategy.afterUpdate(stored, old);
                        return stored;
                      });
                }))
            .thenCompose(stored -> dryRun ? CompletableFuture.completedFuture(stored)
                : deleter.deleteIfFinalized(namespace, stored));
    return translate(result, name)
        .exceptionallyCompose(
            e -> StorageErrors.unwrap(e) instanceof CreateOnUpdate
                ? create(namespace, object, dryRun)
                : CompletableFuture.failedFuture(StorageErrors.unwrap(e)));
  }

  /** Signals that a PUT found nothing and the strategy allows creating instead. */
  private static final class CreateOnUpdate extends RuntimeException {
    CreateOnUpdate() {
      super(null, null, false, false);
    }
  }

  /** Computes the object to store from the request's object and the current one. */
  HasMetadata merge(HasMetadata requested, HasMetadata current, String subresource) {
    String requestedVersion = requested.getMetadata().getResourceVersion();
    if (requestedVersion != null
        && !requestedVersion.isEmpty()
        && !requestedVersion.equals(current.getMetadata().getResourceVersion())) {
      throw ApiException.modified(type().group(), type().resource(), current.getMetadata().getName());
    }
    HasMetadata next;
    if (subresource != null) {
      next = strategy.prepareForSubresourceUpdate(subresource, SpecStatus.copy(requested), current);
    } else {
      next = SpecStatus.copy(requested);
      strategy.prepareForUpdate(next, current);
    }
    ObjectMeta meta = next.getMetadata();
    ObjectMeta old = current.getMetadata();
    meta.setNamespace(old.getNamespace());
    if (meta.getUid() == null || meta.getUid().isEmpty()) {
      meta.setUid(old.getUid());
    }
    meta.setCreationTimestamp(old.getCreationTimestamp());
    meta.setDeletionTimestamp(old.getDeletionTimestamp());
    meta.setDeletionGracePeriodSeconds(old.getDeletionGracePeriodSeconds());
    meta.setResourceVersion(old.getResourceVersion());
    if (strategy.tracksGeneration()) {
      long generation = old.getGeneration() == null ? 1 : old.getGeneration();
      meta.setGeneration(SpecStatus.specChanged(next, current) ? generation + 1 : generation);
    } else {
      meta.setGeneration(old.getGeneration());
    }
    throwIfInvalid(next, "status".equals(subresource)
        ? strategy.validateStatusUpdate(next, current)
        : strategy.validateUpdate(next, current));
    meta.setResourceVersion(null);
    return next;
  }

  /**
   * Patches an object, or its status ({@code subresource} "status"; null for the object):
   * {@code patch} computes the patched object from the current one, {@code admit} runs UPDATE
   * admission on it, and the result takes the update path (strategy, validation, optimistic
   * write). When the object changes before the write, the patch is applied again to the fresh
   * object; a resourceVersion set by the patch is a precondition (409 when stale).
   */
  public CompletableFuture<HasMetadata> patch(String namespace, String name, String subresource,
      UnaryOperator<HasMetadata> patch, Function<HasMetadata, CompletableFuture<Void>> admit,
      boolean dryRun) {
    return translate(new PatchWriter(this).patch(namespace, name, subresource, patch, admit,
        dryRun, PatchWriter.ATTEMPTS), name);
  }

  Deleter deleter() {
    return deleter;
  }

  /** Deletes one object with upstream's graceful deletion, finalizers and preconditions. */
  public CompletableFuture<DeleteResult> delete(
      String namespace, String name, DeleteOptionsView options) {
    return translate(deleter.delete(namespace, name, options), name);
  }

  /** Deletes every object the request selects; answers the list of objects deleted. */
  public CompletableFuture<List<HasMetadata>> deleteCollection(
      String namespace, ListRequest request, DeleteOptionsView options) {
    return list(namespace, request)
        .thenCompose(page -> deleteInBatches(page.items(), 0, options, new java.util.ArrayList<>()));
  }

  /**
   * Deletes items at most {@link #DELETE_COLLECTION_WORKERS} at a time (upstream's
   * --delete-collection-workers), so that a large collection does not swamp etcd.
   */
  private CompletableFuture<List<HasMetadata>> deleteInBatches(List<HasMetadata> items, int from,
      DeleteOptionsView options, List<HasMetadata> deleted) {
    if (from >= items.size()) {
      return CompletableFuture.completedFuture(deleted);
    }
    List<CompletableFuture<HasMetadata>> batch = items
        .subList(from, Math.min(items.size(), from + DELETE_COLLECTION_WORKERS)).stream()
        .map(item -> delete(item.getMetadata().getNamespace(), item.getMetadata().getName(),
                options)
            .thenApply(DeleteResult::object)
            .exceptionally(e -> {
              Throwable t = StorageErrors.unwrap(e);
              if (t instanceof ApiException api && api.isNotFound()) {
                return null; // deleted meanwhile: nothing to report
              }
              throw new java.util.concurrent.CompletionException(t);
            }))
        .toList();
    return CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
        .thenCompose(v -> {
          batch.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull)
              .forEach(deleted::add);
          return deleteInBatches(items, from + DELETE_COLLECTION_WORKERS, options, deleted);
        });
  }

  void throwIfInvalid(HasMetadata object, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw invalid(object, errors);
    }
  }

  ApiException invalid(HasMetadata object, List<FieldError> errors) {
    String name = object.getMetadata() == null ? null : object.getMetadata().getName();
    return Invalids.of(type(), name == null ? "" : name, errors);
  }

  <T> CompletableFuture<T> translate(CompletableFuture<T> future, String name) {
    return future.handle(
            (value, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(value);
              }
              return CompletableFuture.<T>failedFuture(StorageErrors.translate(error, type(), name));
            })
        .thenCompose(f -> f);
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String generateName(String base) {
    // upstream: base truncated to 58 characters plus 5 random characters
    String prefix = base.length() > 58 ? base.substring(0, 58) : base;
    StringBuilder name = new StringBuilder(prefix);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return name.toString();
  }

  /**
   * Updates an object from its current state (upstream's GuaranteedUpdate with a tryUpdate
   * function): {@code change} receives a private copy of the stored object on every attempt, so a
   * concurrent writer never loses its change; a non-null {@code resourceVersion} is a
   * precondition (409 when stale). Used by subresources such as scale.
   */
  public CompletableFuture<HasMetadata> updateFromCurrent(String namespace, String name,
      String resourceVersion, java.util.function.UnaryOperator<HasMetadata> change,
      boolean dryRun) {
    String key = key(namespace, name);
    Storage.UpdateFunction apply = current -> {
      HasMetadata next = change.apply(SpecStatus.copy(current));
      next.getMetadata().setResourceVersion(resourceVersion);
      return merge(next, current, null);
    };
    CompletableFuture<HasMetadata> result = dryRun
        ? storage.get(key).thenApply(apply::apply)
        : storage.guaranteedUpdate(key, Preconditions.NONE, apply);
    return translate(result, name);
  }
}
