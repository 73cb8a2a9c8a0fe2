package io.minik8s.apiserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waiting on storage futures with a deadline, and checking how they failed. */
public final class StorageAssertions {
  public static final Duration DEADLINE = Duration.ofSeconds(20);

  private StorageAssertions() {}

  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("storage call failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Asserts the future fails with a StorageException of {@code reason} and returns it. */
  public static StorageException failure(
      CompletableFuture<?> future, StorageException.Reason reason) {
    Throwable thrown = catchThrowable(() -> future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertThat(thrown.getCause()).isInstanceOf(StorageException.class);
    StorageException e = (StorageException) thrown.getCause();
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    return e;
  }
}
