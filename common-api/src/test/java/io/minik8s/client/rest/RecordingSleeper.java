package io.minik8s.client.rest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that returns at once and remembers what it was asked to wait. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** The non-zero waits, the ones that would have blocked. */
  List<Duration> realWaits() {
    return waits.stream().filter(d -> !d.isZero()).toList();
  }
}
