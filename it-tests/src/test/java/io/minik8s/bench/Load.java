package io.minik8s.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Closed-loop load: {@code total} asynchronous operations with {@code concurrency} of them in
 * flight, each slot starting the next operation when its last one completes. No thread waits per
 * operation, so 64 in flight cost 64 connections, not 64 threads.
 */
final class Load {
  private Load() {}

  /** What a run did: operations, how many failed (and the first failure), and how long it took. */
  record Result(int operations, int failures, long nanos, String firstFailure) {
    double perSecond() {
      return operations * 1e9 / nanos;
    }
  }

  static Result run(int total, int concurrency, Duration deadline,
      IntFunction<CompletableFuture<?>> operation) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    long start = System.nanoTime();
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= total) {
        return;
      }
      CompletableFuture<?> op;
      try {
        op = operation.apply(i);
      } catch (RuntimeException e) {
        op = CompletableFuture.failedFuture(e);
      }
      op.whenComplete((ignored, error) -> {
        if (error != null) {
          failures.incrementAndGet();
          firstFailure.compareAndSet(null, String.valueOf(error));
        }
        if (finished.incrementAndGet() == total) {
          done.complete(null);
        } else {
          launch[0].run();
        }
      });
    };
    for (int i = 0; i < Math.min(concurrency, total); i++) {
      launch[0].run();
    }
    try {
      done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "load did not finish within " + deadline + ": " + finished.get() + "/" + total, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Result(total, failures.get(), System.nanoTime() - start, firstFailure.get());
  }
}
