package io.minik8s.client.controller;

/**
 * The logic of a controller: brings the world in line with the desired state of one object. The
 * runner calls it with keys, never with objects: read the latest object from an informer's cache
 * (it may be gone: then clean up) and never modify what the cache returns.
 *
 * <p>The runner never calls it concurrently for the same key, but may for different keys (one call
 * per worker). It must be idempotent: a key is reconciled again after any change, after a failure
 * and after a restart, and several changes may collapse into one call.
 */
@FunctionalInterface
public interface Reconciler {

  /**
   * Reconciles one object.
   *
   * @return what to do next, usually {@link Result#done()}
   * @throws Exception to have the key reconciled again after its rate-limited backoff
   */
  Result reconcile(ObjectKey key) throws Exception;
}
