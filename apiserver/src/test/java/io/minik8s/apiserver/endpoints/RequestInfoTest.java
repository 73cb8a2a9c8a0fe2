package io.minik8s.apiserver.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestInfoTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      GET    | /api/v1/pods                                  | false | list   |      |         | pods        |       |
      GET    | /api/v1/pods                                  | true  | watch  |      |         | pods        |       |
      GET    | /api/v1/namespaces/default/pods/web           | false | get    |      | default | pods        | web   |
      PUT    | /api/v1/namespaces/default/pods/web/status    | false | update |      | default | pods        | web   | status
      POST   | /api/v1/namespaces/default/pods/web/binding   | false | create |      | default | pods        | web   | binding
      GET    | /api/v1/namespaces                            | false | list   |      |         | namespaces  |       |
      GET    | /api/v1/namespaces/kube-system                | false | get    |      |         | namespaces  | kube-system |
      PUT    | /api/v1/namespaces/team/finalize              | false | update |      |         | namespaces  | team  | finalize
      GET    | /api/v1/namespaces/team/status                | false | get    |      |         | namespaces  | team  | status
      DELETE | /apis/apps/v1/namespaces/ns1/deployments      | false | deletecollection | apps | ns1 | deployments | |
      DELETE | /apis/apps/v1/namespaces/ns1/deployments/d    | false | delete | apps | ns1     | deployments | d     |
      PATCH  | /apis/apps/v1/namespaces/ns1/deployments/d    | false | patch  | apps | ns1     | deployments | d     |
      GET    | /api/v1/watch/namespaces/default/pods         | false | watch  |      | default | pods        |       |
      GET    | /api/v1/nodes/node1                           | false | get    |      |         | nodes       | node1 |
      """)
  void parsesResourceRequestsAsUpstream(String method, String path, boolean watch, String verb,
      String group, String namespace, String resource, String name, String subresource) {
    RequestInfo info = RequestInfo.parse(method, path, watch);
    assertThat(info.resourceRequest()).isTrue();
    assertThat(info.verb()).isEqualTo(verb);
    assertThat(info.group()).isEqualTo(group == null ? "" : group);
    assertThat(info.namespace()).isEqualTo(namespace == null ? "" : namespace);
    assertThat(info.resource()).isEqualTo(resource);
    assertThat(info.name()).isEqualTo(name == null ? "" : name);
    assertThat(info.subresource()).isEqualTo(subresource == null ? "" : subresource);
  }

  @ParameterizedTest
  @CsvSource({"/version", "/healthz", "/api", "/apis", "/apis/apps", "/api/v1", "/apis/apps/v1",
      "/openapi/v3"})
  void recognisesNonResourcePaths(String path) {
    assertThat(RequestInfo.parse("GET", path, false).resourceRequest()).isFalse();
  }
}
