package io.minik8s.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.workqueue.ManualClock;
import io.minik8s.client.workqueue.ManualScheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControllersTest {
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock());
  private final List<String> built = new ArrayList<>();
  private final Controllers controllers =
      new Controllers()
          .register("deployment-controller", factory("deployment"))
          .register("replicaset-controller", factory("replicaset"))
          .register("bootstrap-signer-controller", false, factory("bootstrap-signer"));

  @Test
  void failsFastOnADuplicateName() {
    assertThatThrownBy(() -> controllers.register("deployment-controller", factory("again")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deployment-controller");
  }

  @ParameterizedTest(name = "--controllers={0} enables [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "*|deployment-controller,replicaset-controller",
        "*,-replicaset-controller|deployment-controller",
        "*,bootstrap-signer-controller|"
            + "deployment-controller,replicaset-controller,bootstrap-signer-controller",
        "deployment-controller|deployment-controller",
        "-deployment-controller,deployment-controller,*|replicaset-controller",
        "''|''"
      })
  void enablesControllersAsUpstreamsControllersFlag(String flag, String expected) {
    List<String> values = flag.isEmpty() ? List.of() : Arrays.asList(flag.split(","));
    List<String> names = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));

    assertThat(controllers.enabled(values)).containsExactlyElementsOf(names);
  }

  @Test
  void rejectsAnUnknownControllerInTheFlag() {
    assertThatThrownBy(() -> controllers.enabled(List.of("*", "-nope-controller")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope-controller");
  }

  @Test
  void buildsAndStartsOnlyTheEnabledControllersAndStopsThem() {
    List<String> started = controllers.start(List.of("*", "-replicaset-controller"));

    assertThat(started).containsExactly("deployment-controller");
    assertThat(built).containsExactly("deployment");
    assertThat(controllers.get("deployment-controller")).isPresent();
    assertThat(controllers.get("replicaset-controller")).isEmpty();

    controllers.stop();
    assertThat(controllers.get("deployment-controller").orElseThrow().isRunning()).isFalse();
  }

  private Supplier<Controller> factory(String name) {
    return () -> {
      built.add(name);
      return Controller.builder(name, key -> Result.done()).scheduler(scheduler).build();
    };
  }
}
