package io.minik8s.apiserver.endpoints.table;

import static io.minik8s.apiserver.endpoints.table.PodFixture.NOW;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import java.time.Duration;

/** Shared pieces of the printer tests: object metadata and the printer of a resource. */
final class PrinterFixtures {
  static final ResourceRegistry TYPES = ResourceRegistry.builtIn();
  static final Printers PRINTERS = Printers.builtIn();

  private PrinterFixtures() {}

  /** Metadata of an object created 3m20s before {@link PodFixture#NOW}. */
  static ObjectMeta meta(String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace("default")
        .withCreationTimestamp(NOW.minus(Duration.ofSeconds(200)).toString())
        .build();
  }

  /** The printer of "group/resource" ("/pods" for the core group). */
  static Printer printer(String groupResource) {
    String[] parts = groupResource.split("/");
    ResourceType type = TYPES.find(parts[0], "v1", parts[1]).orElseThrow();
    return PRINTERS.forResource(type);
  }
}
