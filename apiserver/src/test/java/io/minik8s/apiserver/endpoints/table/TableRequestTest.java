package io.minik8s.apiserver.endpoints.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.api.ApiException;
import io.minik8s.apiserver.http.ApiRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableRequestTest {
  /** What kubectl 1.32 sends for get, list and watch. */
  static final String KUBECTL =
      "application/json;as=Table;v=v1;g=meta.k8s.io,"
          + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  static ApiRequest request(String accept, String includeObject) {
    HttpHeaders headers = new DefaultHttpHeaders();
    if (accept != null) {
      headers.set("Accept", accept);
    }
    Map<String, List<String>> query =
        includeObject == null ? Map.of() : Map.of("includeObject", List.of(includeObject));
    return new ApiRequest("GET", "/api/v1/pods", query, headers, new byte[0]);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        KUBECTL + "| v1 | application/json;as=Table;v=v1;g=meta.k8s.io",
        "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
            + "| v1beta1 | application/json;as=Table;v=v1beta1;g=meta.k8s.io",
        "application/json;as=Table;v=v1beta1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1;g=meta.k8s.io"
            + "| v1beta1 | application/json;as=Table;v=v1beta1;g=meta.k8s.io",
        "application/json; as=Table; g=meta.k8s.io; v=v1"
            + "| v1 | application/json;as=Table;v=v1;g=meta.k8s.io",
        "application/json;q=0.5,application/json;as=Table;v=v1;g=meta.k8s.io"
            + "| v1 | application/json;as=Table;v=v1;g=meta.k8s.io",
        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1;g=meta.k8s.io"
            + "| v1 | application/json;as=Table;v=v1;g=meta.k8s.io",
        "application/yaml;as=Table;v=v1;g=meta.k8s.io"
            + "| v1 | application/yaml;as=Table;v=v1;g=meta.k8s.io",
      })
  void tablesAreNegotiatedFromTheAcceptHeader(String accept, String version, String type) {
    TableRequest table = TableRequest.negotiate(request(accept, null)).orElseThrow();
    assertThat(table.version()).isEqualTo(version);
    assertThat(table.contentType()).isEqualTo(type);
    assertThat(table.includeObject()).isEqualTo(TableRequest.IncludeObject.METADATA);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json, */*",
        "*/*",
        "application/vnd.kubernetes.protobuf,application/json",
        "application/json,application/json;as=Table;v=v1;g=meta.k8s.io",
        "application/json;as=Table;v=v2;g=meta.k8s.io,application/json",
        "application/json;as=Table;v=v1;g=example.com,application/json",
        "application/json;as=Table,application/json",
        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json",
        "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json",
        "application/json;as=Table;v=v1;g=meta.k8s.io;q=0,application/json",
      })
  void otherAcceptHeadersGetTheObjectsThemselves(String accept) {
    assertThat(TableRequest.negotiate(request(accept, null))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"Metadata, METADATA", "'', METADATA", "Object, OBJECT", "None, NONE"})
  void includeObjectSelectsWhatRowsCarry(String param, TableRequest.IncludeObject expected) {
    assertThat(TableRequest.negotiate(request(KUBECTL, param)).orElseThrow().includeObject())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metadata", "Everything"})
  void unknownIncludeObjectIsABadRequest(String param) {
    assertThatThrownBy(() -> TableRequest.negotiate(request(KUBECTL, param)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.status().getMessage())
                  .isEqualTo(
                      "Unable to convert to Table as requested: includeObject: Invalid value: \""
                          + param
                          + "\": must be 'Metadata', 'Object', 'None', or empty");
            });
  }
}
