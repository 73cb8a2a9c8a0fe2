package io.minik8s.client.record;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names new Events as upstream does, {@code <involvedObject.name>.<unix nanoseconds in hex>}, with
 * the timestamp made strictly increasing within the process: Java clocks tick in microseconds at
 * best, and two events about one object in the same tick would otherwise collide (409).
 */
public final class EventNames {
  private final AtomicLong last = new AtomicLong();

  /** A fresh name for an event about {@code objectName} at {@code now}. */
  public String next(String objectName, Instant now) {
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    long unique = last.updateAndGet(prev -> Math.max(prev + 1, nanos));
    return objectName + "." + Long.toHexString(unique);
  }
}
