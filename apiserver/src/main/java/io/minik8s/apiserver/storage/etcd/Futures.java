package io.minik8s.apiserver.storage.etcd;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Helpers for the futures the storage hands out. */
final class Futures {
  private Futures() {}

  /**
   * Runs {@code body} and returns a future that fails with the exception itself (a
   * StorageException, or whatever an update function threw) rather than the CompletionException
   * that wraps failures inside a chain of stages; a synchronous throw fails the future too.
   */
  static <T> CompletableFuture<T> settle(Supplier<CompletableFuture<T>> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<T> inner;
    try {
      inner = body.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    inner.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(EtcdErrors.unwrap(failure));
          }
        });
    return result;
  }
}
