package io.minik8s.client.controller;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A reconciler that records every call and answers what the test scripted per key (an exception to
 * throw or a result), by default {@link Result#done()}.
 */
final class RecordingReconciler implements Reconciler {
  final List<ObjectKey> calls = new CopyOnWriteArrayList<>();
  private final Map<ObjectKey, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile Function<ObjectKey, Result> behaviour = key -> Result.done();

  /** Scripts the answer; the function may throw to fail the reconcile. */
  void answer(Function<ObjectKey, Result> behaviour) {
    this.behaviour = behaviour;
  }

  int count(ObjectKey key) {
    return counts.computeIfAbsent(key, k -> new AtomicInteger()).get();
  }

  @Override
  public Result reconcile(ObjectKey key) {
    counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    calls.add(key);
    return behaviour.apply(key);
  }
}
