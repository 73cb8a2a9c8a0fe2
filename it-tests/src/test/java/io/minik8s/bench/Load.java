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
 * Closed-loop load: up to {@code total} asynchronous operations with {@code concurrency} of them
 * in flight, each slot starting the next operation when its last one completes, and none started
 * once the time budget is spent (so that a slow machine shortens a round instead of the whole run
 * taking hours). No thread waits per operation: 64 in flight cost 64 connections, not 64 threads.
 */
final class Load {
  /** A budget that never stops a round: every operation runs (up to a 10-minute deadline). */
  static final Duration UNBOUNDED = Duration.ofDays(1);

  private Load() {}

  /** What a run did: operations, how many failed (and the first failure), and how long it took. */
  record Result(int operations, int failures, long nanos, String firstFailure) {
    double perSecond() {
      return operations * 1e9 / nanos;
    }
  }

  /** Every one of the {@code total} operations, however long they take (up to a deadline). */
  static Result all(int total, int concurrency, IntFunction<CompletableFuture<?>> operation) {
    return run(total, concurrency, UNBOUNDED, operation);
  }

  static Result run(int total, int concurrency, Duration budget,
      IntFunction<CompletableFuture<?>> operation) {
    Duration deadline = budget.compareTo(Duration.ofMinutes(10)) < 0
        ? budget.plusMinutes(2) : Duration.ofMinutes(10);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    long start = System.nanoTime();
    long stopLaunching = start + budget.toNanos();
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      if (System.nanoTime() > stopLaunching) {
        if (finished.get() == started.get()) {
          done.complete(null);
        }
        return;
      }
      int i = next.getAndIncrement();
      if (i >= total) {
        return;
      }
      started.incrementAndGet();
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
        int n = finished.incrementAndGet();
        if (n == total || (System.nanoTime() > stopLaunching && n == started.get())) {
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
    return new Result(finished.get(), failures.get(), System.nanoTime() - start,
        firstFailure.get());
  }
}
