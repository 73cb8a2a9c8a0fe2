package io.minik8s.apiserver.it;

import static io.minik8s.apiserver.it.TableAnswers.AGE;
import static io.minik8s.apiserver.it.TableAnswers.cells;
import static io.minik8s.apiserver.it.TableAnswers.columns;
import static io.minik8s.apiserver.it.TableAnswers.created;
import static io.minik8s.apiserver.it.TableAnswers.row;
import static io.minik8s.apiserver.it.TableAnswers.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Tables of each kind of resource over HTTP: upstream's columns and the cells that matter. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResourceTablesIT {
  static final String NS = "printed";
  static TestApiServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = TestApiServer.start();
    http = new Http(server.url());
    created(http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + NS + "\"}}"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void nodePortServicesShowPortAndNodePort() {
    JsonNode svc =
        created(
            http.post(
                "/api/v1/namespaces/" + NS + "/services",
                """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
                 "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80}]}}\
                """));
    String nodePort = svc.at("/spec/ports/0/nodePort").asText();
    JsonNode row = table(http, "/api/v1/namespaces/" + NS + "/services/web").at("/rows/0");
    List<String> cells = cells(row);
    assertThat(cells.subList(0, 5))
        .containsExactly(
            "web",
            "NodePort",
            svc.at("/spec/clusterIP").asText(),
            "<none>",
            "80:" + nodePort + "/TCP");
    assertThat(cells.get(5)).matches(AGE);
    assertThat(cells.get(6)).isEqualTo("app=web");
  }

  @Test
  void cordonedReadyNodesShowSchedulingDisabled() {
    created(
        http.post(
            "/api/v1/nodes",
            """
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"printed-node",
             "labels":{"node-role.kubernetes.io/control-plane":""}}}\
            """));
    WatchResumeIT.put(
        http,
        "/api/v1/nodes/printed-node/status",
        """
        {"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady"}],
         "addresses":[{"type":"InternalIP","address":"127.0.0.21"}],
         "nodeInfo":{"kubeletVersion":"v1.32.4","osImage":"Debian","kernelVersion":"6.1",
          "containerRuntimeVersion":"docker://27","machineID":"m","systemUUID":"s","bootID":"b",
          "kubeProxyVersion":"","operatingSystem":"linux","architecture":"amd64"}}}\
        """);
    WatchResumeIT.put(http, "/api/v1/nodes/printed-node", "{\"spec\":{\"unschedulable\":true}}");

    List<String> cells = cells(table(http, "/api/v1/nodes/printed-node").at("/rows/0"));
    assertThat(cells.subList(0, 3))
        .containsExactly("printed-node", "Ready,SchedulingDisabled", "control-plane");
    assertThat(cells.subList(4, 10))
        .containsExactly("v1.32.4", "127.0.0.21", "<none>", "Debian", "6.1", "docker://27");
  }

  @Test
  void deploymentsShowReadyOfDesiredAndTheirContainers() {
    created(
        http.post(
            "/apis/apps/v1/namespaces/" + NS + "/deployments",
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},
              "template":{"metadata":{"labels":{"app":"nginx"}},
               "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}\
            """));
    JsonNode table = table(http, "/apis/apps/v1/namespaces/" + NS + "/deployments");
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Up-to-date",
            "Available",
            "Age",
            "*Containers",
            "*Images",
            "*Selector");
    JsonNode row = row(table, "nginx");
    assertThat(row.get("cells").toString())
        .matches(
            "\\[\"nginx\",\"0/3\",0,0,\"" + AGE + "\",\"nginx\",\"nginx:1.27\",\"app=nginx\"]");
  }

  @Test
  void builtInNamespacesAreActive() {
    JsonNode table = table(http, "/api/v1/namespaces");
    assertThat(columns(table)).containsExactly("Name", "Status", "Age");
    assertThat(cells(row(table, "kube-system")).subList(0, 2))
        .containsExactly("kube-system", "Active");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/v1/pods",
    "/api/v1/nodes",
    "/api/v1/namespaces",
    "/api/v1/services",
    "/api/v1/endpoints",
    "/api/v1/events",
    "/api/v1/serviceaccounts",
    "/api/v1/replicationcontrollers",
    "/api/v1/configmaps",
    "/api/v1/secrets",
    "/apis/apps/v1/deployments",
    "/apis/apps/v1/replicasets",
    "/apis/coordination.k8s.io/v1/leases",
    "/apis/discovery.k8s.io/v1/endpointslices",
    "/apis/policy/v1/poddisruptionbudgets",
    "/apis/scheduling.k8s.io/v1/priorityclasses",
  })
  void everyServedResourceListsAsATableWithACellPerColumn(String path) {
    JsonNode table = table(http, path);
    int columns = table.get("columnDefinitions").size();
    assertThat(columns).isGreaterThanOrEqualTo(3);
    for (JsonNode row : table.get("rows")) {
      assertThat(row.get("cells")).hasSize(columns);
    }
  }
}
