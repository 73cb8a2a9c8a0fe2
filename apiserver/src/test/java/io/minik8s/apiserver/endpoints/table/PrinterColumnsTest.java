package io.minik8s.apiserver.endpoints.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every served resource prints upstream's columns; "*" marks a wide (priority 1) column. */
class PrinterColumnsTest {
  static final ResourceRegistry TYPES = ResourceRegistry.builtIn();
  static final Printers PRINTERS = Printers.builtIn();

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "|pods|Name,Ready,Status,Restarts,Age,*IP,*Node,*Nominated Node,*Readiness Gates",
        "|nodes|Name,Status,Roles,Age,Version,*Internal-IP,*External-IP,*OS-Image,"
            + "*Kernel-Version,*Container-Runtime",
        "|namespaces|Name,Status,Age",
        "|services|Name,Type,Cluster-IP,External-IP,Port(s),Age,*Selector",
        "|endpoints|Name,Endpoints,Age",
        "|events|Last Seen,Type,Reason,Object,*Subobject,*Source,Message,*First Seen,*Count,*Name",
        "|serviceaccounts|Name,Secrets,Age",
        "|replicationcontrollers|Name,Desired,Current,Ready,Age,*Containers,*Images,*Selector",
        "|configmaps|Name,Data,Age",
        "|secrets|Name,Type,Data,Age",
        "apps|deployments|Name,Ready,Up-to-date,Available,Age,*Containers,*Images,*Selector",
        "apps|replicasets|Name,Desired,Current,Ready,Age,*Containers,*Images,*Selector",
        "coordination.k8s.io|leases|Name,Holder,Age",
        "discovery.k8s.io|endpointslices|Name,AddressType,Ports,Endpoints,Age",
        "policy|poddisruptionbudgets|Name,Min Available,Max Unavailable,Allowed Disruptions,Age",
        "scheduling.k8s.io|priorityclasses|Name,Value,Global-Default,Age,PreemptionPolicy",
      })
  void printsUpstreamsColumns(String group, String resource, String columns) {
    ResourceType type = TYPES.find(group == null ? "" : group, "v1", resource).orElseThrow();
    assertThat(PRINTERS.hasPrinter(type)).isTrue();
    List<String> names = new ArrayList<>();
    for (Column c : PRINTERS.forResource(type).columns()) {
      names.add((c.priority() == 1 ? "*" : "") + c.name());
    }
    assertThat(String.join(",", names)).isEqualTo(columns);
  }

  @Test
  void everyListableResourceHasAPrinter() {
    for (ResourceType type : TYPES.all()) {
      if (type.listType() != null) {
        assertThat(PRINTERS.hasPrinter(type)).as(type.resource()).isTrue();
      }
    }
  }

  @Test
  void columnTypesAndFormatsAreUpstreams() {
    ResourceType pods = TYPES.find("", "v1", "pods").orElseThrow();
    Column name = PRINTERS.forResource(pods).columns().get(0);
    assertThat(name.format()).isEqualTo("name");
    assertThat(name.description()).startsWith("Name must be unique within a namespace.");
    Column age = PRINTERS.forResource(pods).columns().get(4);
    assertThat(age.type()).isEqualTo("string");
    assertThat(age.format()).isEmpty();
    assertThat(age.description())
        .contains("RFC3339 form and is in UTC.\n\nPopulated by the system");

    ResourceType rs = TYPES.find("apps", "v1", "replicasets").orElseThrow();
    assertThat(PRINTERS.forResource(rs).columns())
        .extracting(Column::type)
        .containsExactly(
            "string", "integer", "integer", "integer", "string", "string", "string", "string");
    ResourceType pcs = TYPES.find("scheduling.k8s.io", "v1", "priorityclasses").orElseThrow();
    assertThat(PRINTERS.forResource(pcs).columns())
        .extracting(Column::type)
        .containsExactly("string", "integer", "boolean", "string", "string");
  }

  @Test
  void resourcesWithoutAPrinterGetNameAndCreatedAt() {
    ResourceType bindings = TYPES.find("", "v1", "bindings").orElseThrow();
    assertThat(PRINTERS.hasPrinter(bindings)).isFalse();
    List<Column> columns = PRINTERS.forResource(bindings).columns();
    assertThat(columns).extracting(Column::name).containsExactly("Name", "Created At");
    assertThat(columns).extracting(Column::type).containsExactly("string", "date");
  }
}
