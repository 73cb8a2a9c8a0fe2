package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The outcome of a DELETE.
 *
 * @param object the object as deleted, or as now stored when deletion is pending
 * @param deleted whether the object left storage (false: graceful deletion or finalizers pending)
 */
public record DeleteResult(HasMetadata object, boolean deleted) {}
