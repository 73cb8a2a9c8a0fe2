package io.minik8s.apiserver.endpoints.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.minik8s.apiserver.endpoints.openapi.ApiPath.Operation;
import io.minik8s.apiserver.endpoints.openapi.ApiPath.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the Swagger 2.0 document of the whole API ({@code /openapi/v2}, JSON only). As
 * upstream's, PATCH bodies are the opaque meta/v1 Patch definition.
 */
final class SwaggerV2 {
  private static final String PATCH = ModelNames.META + "Patch";

  private SwaggerV2() {}

  static Map<String, Object> document(String kubernetesVersion, List<ApiPath> paths,
      Map<Class<?>, List<Map<String, String>>> kinds,
      Map<Class<?>, Map<String, JavaType>> introspected) {
    SchemaGenerator schemas = new SchemaGenerator("#/definitions/", introspected);
    schemas.define(PATCH, Map.of("type", "object", "description",
        "Patch is the body of a PATCH request; its Content-Type says which kind of patch."));
    Map<String, Object> rendered = new TreeMap<>();
    for (ApiPath path : paths) {
      Map<String, Object> item = new LinkedHashMap<>();
      path.operations().forEach((method, op) -> item.put(method, operation(op, schemas)));
      if (!path.parameters().isEmpty()) {
        item.put("parameters", parameters(path.parameters()));
      }
      rendered.put(path.path(), item);
    }
    schemas.markKinds(kinds);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("swagger", "2.0");
    doc.put("info", Map.of("title", "Kubernetes", "version", kubernetesVersion));
    doc.put("paths", rendered);
    doc.put("definitions", schemas.schemas());
    doc.put("securityDefinitions", Map.of("BearerToken", Map.of("type", "apiKey",
        "in", "header", "name", "authorization", "description", "Bearer Token authentication")));
    doc.put("security", List.of(Map.of("BearerToken", List.of())));
    return doc;
  }

  private static Map<String, Object> operation(Operation op, SchemaGenerator schemas) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("description", op.description());
    boolean patch = op.action().equals("patch");
    out.put("consumes", patch ? List.of("application/json-patch+json",
        "application/merge-patch+json", "application/strategic-merge-patch+json")
        : List.of("*/*"));
    out.put("produces", OpenApiV3.mediaTypes(op.action()));
    out.put("schemes", List.of("https"));
    out.put("operationId", op.operationId());
    List<Object> params = new ArrayList<>(parameters(op.parameters()));
    if (patch) {
      params.add(0, body(schemas.ref(PATCH), true));
    } else if (op.body() != null) {
      params.add(0, body(schemas.ref(schemas.add(op.body())), !op.action().startsWith("delete")));
    }
    if (!params.isEmpty()) {
      out.put("parameters", params);
    }
    Map<String, Object> responses = new TreeMap<>();
    op.responses().forEach((code, type) -> responses.put(code,
        Map.of("description", OpenApiV3.describe(code),
            "schema", schemas.ref(schemas.add(type)))));
    out.put("responses", responses);
    out.put("tags", List.of(op.tag()));
    out.put("x-kubernetes-action", op.action());
    out.put("x-kubernetes-group-version-kind", op.groupVersionKind());
    return out;
  }

  private static Map<String, Object> body(Map<String, Object> schema, boolean required) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("in", "body");
    body.put("name", "body");
    if (required) {
      body.put("required", true);
    }
    body.put("schema", schema);
    return body;
  }

  private static List<Object> parameters(List<Parameter> parameters) {
    List<Object> out = new ArrayList<>();
    for (Parameter p : parameters) {
      Map<String, Object> param = new LinkedHashMap<>();
      param.put("description", p.description());
      param.put("in", p.in());
      param.put("name", p.name());
      if (p.required()) {
        param.put("required", true);
      }
      param.put("type", p.type());
      param.put("uniqueItems", true);
      out.add(param);
    }
    return out;
  }
}
