package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.validation.FieldError;
import io.minik8s.apiserver.validation.Validators;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What differs between kinds in the generic registry (upstream's RESTCreateStrategy,
 * RESTUpdateStrategy, RESTDeleteStrategy). Objects handed to the prepare methods were decoded for
 * this request and may be mutated; "old" objects come from storage and must not be.
 */
public interface ResourceStrategy {

  ResourceType type();

  /** Resets server-owned fields on create (status, generation). Runs before validation. */
  default void prepareForCreate(HasMetadata object) {
    SpecStatus.clearStatus(object);
  }

  /** Carries server-owned fields over from the stored object on a main-resource update. */
  default void prepareForUpdate(HasMetadata object, HasMetadata old) {
    SpecStatus.copyStatus(old, object);
  }

  /**
   * Builds the object to store for a subresource update (PUT .../status, namespaces' finalize):
   * for status, the stored object with the new status (upstream's status strategies ignore
   * everything else).
   */
  default HasMetadata prepareForSubresourceUpdate(
      String subresource, HasMetadata object, HasMetadata old) {
    if (!"status".equals(subresource)) {
      throw io.minik8s.api.ApiException.methodNotAllowed();
    }
    HasMetadata result = SpecStatus.copy(old);
    SpecStatus.copyStatus(object, result);
    result.getMetadata().setResourceVersion(object.getMetadata().getResourceVersion());
    return result;
  }

  default List<FieldError> validate(HasMetadata object) {
    return Validators.validate(object, type().namespaced());
  }

  default List<FieldError> validateUpdate(HasMetadata object, HasMetadata old) {
    return Validators.validateUpdate(object, old);
  }

  /** Validates a status-subresource update (upstream's ValidateXStatusUpdate). */
  default List<FieldError> validateStatusUpdate(HasMetadata object, HasMetadata old) {
    return Validators.validateStatusUpdate(object, old);
  }

  /** Whether metadata.generation is kept (1 on create, bumped on spec changes). */
  default boolean tracksGeneration() {
    return false;
  }

  /** Whether a PUT without metadata.resourceVersion overwrites unconditionally (upstream: yes). */
  default boolean allowUnconditionalUpdate() {
    return true;
  }

  /** The lifetime of a new object in seconds (Events), 0 for forever. */
  default long ttlSeconds(HasMetadata object) {
    return 0;
  }

  /** Whether DELETE answers with the object (pods, services) rather than a Status. */
  default boolean returnDeletedObject() {
    return false;
  }

  /**
   * The grace period a DELETE applies when the request names none; 0 deletes at once. Only pods
   * are graceful.
   *
   * @param requested the request's gracePeriodSeconds, or null
   */
  default long gracePeriodSeconds(HasMetadata object, Long requested) {
    return 0;
  }

  /**
   * Whether a DELETE only marks the object (deletionTimestamp) even without finalizers or grace
   * period: namespaces with spec.finalizers wait for their content to go.
   */
  default boolean deferDeletion(HasMetadata current) {
    return false;
  }

  /** Adjusts an object whose deletion is now pending (a namespace turns Terminating). */
  default void prepareForDeferredDeletion(HasMetadata object) {}

  /** Whether PUT on a missing object creates it (endpoints, events, leases). */
  default boolean allowCreateOnUpdate() {
    return false;
  }

  /**
   * Side effects that must happen before the object is stored (allocating a Service's ClusterIP).
   * The returned future completes with the object to store; a failure aborts the create.
   */
  default CompletableFuture<HasMetadata> beforeCreate(HasMetadata object, boolean dryRun) {
    return CompletableFuture.completedFuture(object);
  }

  /** Undoes {@link #beforeCreate} when the write failed. */
  default void createFailed(HasMetadata object) {}

  /** Side effects before an update is stored (e.g. allocating a new NodePort). */
  default CompletableFuture<HasMetadata> beforeUpdate(
      HasMetadata object, HasMetadata old, boolean dryRun) {
    return CompletableFuture.completedFuture(object);
  }

  /** Side effects after an update was stored (releasing NodePorts no longer used). */
  default void afterUpdate(HasMetadata stored, HasMetadata old) {}

  /** Side effects after an object left storage (releasing its ClusterIP). */
  default void afterDelete(HasMetadata deleted) {}
}
