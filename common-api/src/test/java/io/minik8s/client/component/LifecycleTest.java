package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final List<String> closed = new ArrayList<>();
  private final Lifecycle lifecycle = new Lifecycle();

  @Test
  void closesNewestFirstExactlyOnce() {
    lifecycle.add("client", () -> closed.add("client"));
    lifecycle.add("listener", () -> closed.add("listener"));
    lifecycle.add("informers", () -> closed.add("informers"));

    lifecycle.stop();
    lifecycle.stop();

    assertThat(closed).containsExactly("informers", "listener", "client");
    assertThat(lifecycle.stopping()).isTrue();
  }

  @Test
  void keepsClosingTheRestWhenOneFails() {
    lifecycle.add("client", () -> closed.add("client"));
    lifecycle.add(
        "broken",
        () -> {
          throw new IllegalStateException("boom");
        });

    lifecycle.stop();

    assertThat(closed).containsExactly("client");
  }

  @Test
  void closesAtOnceWhatIsAddedAfterTheStopBegan() {
    lifecycle.stop();

    lifecycle.add("late", () -> closed.add("late"));

    assertThat(closed).containsExactly("late");
  }
}
