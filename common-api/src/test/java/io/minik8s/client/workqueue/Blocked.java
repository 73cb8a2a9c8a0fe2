package io.minik8s.client.workqueue;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Proof that a blocking call is really waiting: its thread parks. */
public final class Blocked {
  private Blocked() {}

  /** Waits until the thread is parked; fails after five seconds or if it ends. */
  public static void await(Thread thread) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              Thread.State state = thread.getState();
              if (state == Thread.State.TERMINATED) {
                throw new AssertionError(thread.getName() + " ended instead of blocking");
              }
              return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
            });
  }
}
