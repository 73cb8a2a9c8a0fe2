package io.minik8s.client.rest;

/** A monotonic nanosecond time source; injected so that rate limits are testable without waits. */
@FunctionalInterface
public interface Ticker {

  Ticker SYSTEM = System::nanoTime;

  /** Nanoseconds since an arbitrary origin, never decreasing. */
  long read();
}
