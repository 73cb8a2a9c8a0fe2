package io.minik8s.client.workqueue;

import java.time.Duration;
import java.util.Optional;

/** A {@link RateLimitingQueue} over a delaying queue and a {@link RateLimiter}. */
public final class RateLimitedWorkQueue<T> implements RateLimitingQueue<T> {
  private final DelayingQueue<T> queue;
  private final RateLimiter<T> rateLimiter;

  public RateLimitedWorkQueue(DelayingQueue<T> queue, RateLimiter<T> rateLimiter) {
    this.queue = queue;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public void addRateLimited(T item) {
    queue.addAfter(item, rateLimiter.when(item));
  }

  @Override
  public void forget(T item) {
    rateLimiter.forget(item);
  }

  @Override
  public int numRequeues(T item) {
    return rateLimiter.numRequeues(item);
  }

  @Override
  public void addAfter(T item, Duration delay) {
    queue.addAfter(item, delay);
  }

  @Override
  public void add(T item) {
    queue.add(item);
  }

  @Override
  public Optional<T> get() throws InterruptedException {
    return queue.get();
  }

  @Override
  public void done(T item) {
    queue.done(item);
  }

  @Override
  public void shutDown() {
    queue.shutDown();
  }

  @Override
  public boolean shutDownWithDrain(Duration timeout) throws InterruptedException {
    return queue.shutDownWithDrain(timeout);
  }

  @Override
  public boolean isShuttingDown() {
    return queue.isShuttingDown();
  }

  @Override
  public int len() {
    return queue.len();
  }
}
