package io.minik8s.apiserver.endpoints.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.minik8s.apiserver.endpoints.openapi.ApiPath.Operation;
import io.minik8s.apiserver.endpoints.openapi.ApiPath.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the OpenAPI 3.0 document of one group version (what {@code /openapi/v3/api/v1} serves):
 * its paths and the schemas they reach. PATCH operations carry x-kubernetes-group-version-kind
 * and the fieldValidation parameter (kubectl's test for server-side validation) and no request
 * body, so kubectl builds strategic merge patches from its compiled-in types rather than from
 * these schemas, which carry no patch strategies.
 */
final class OpenApiV3 {
  static final String REFS = "#/components/schemas/";

  private OpenApiV3() {}

  static Map<String, Object> document(String kubernetesVersion, List<ApiPath> paths,
      Map<Class<?>, List<Map<String, String>>> kinds,
      Map<Class<?>, Map<String, JavaType>> introspected) {
    SchemaGenerator schemas = new SchemaGenerator(REFS, introspected);
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
    doc.put("openapi", "3.0.0");
    doc.put("info", Map.of("title", "Kubernetes", "version", kubernetesVersion));
    doc.put("paths", rendered);
    doc.put("components", Map.of("schemas", schemas.schemas(),
        "securitySchemes", Map.of("BearerToken", Map.of("type", "apiKey", "in", "header",
            "name", "authorization", "description", "Bearer Token authentication"))));
    return doc;
  }

  private static Map<String, Object> operation(Operation op, SchemaGenerator schemas) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("description", op.description());
    out.put("operationId", op.operationId());
    if (!op.parameters().isEmpty()) {
      out.put("parameters", parameters(op.parameters()));
    }
    if (op.body() != null) {
      String media = op.body() == DeleteOptions.class ? "application/json" : "*/*";
      out.put("requestBody", Map.of("content",
          Map.of(media, Map.of("schema", schemas.ref(schemas.add(op.body()))))));
    }
    Map<String, Object> responses = new TreeMap<>();
    op.responses().forEach((code, type) -> {
      Map<String, Object> schema = Map.of("schema", schemas.ref(schemas.add(type)));
      Map<String, Object> content = new LinkedHashMap<>();
      for (String media : mediaTypes(op.action())) {
        content.put(media, schema);
      }
      responses.put(code, Map.of("description", describe(code), "content", content));
    });
    out.put("responses", responses);
    out.put("tags", List.of(op.tag()));
    out.put("x-kubernetes-action", op.action());
    out.put("x-kubernetes-group-version-kind", op.groupVersionKind());
    return out;
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
      param.put("schema", Map.of("type", p.type(), "uniqueItems", true));
      out.add(param);
    }
    return out;
  }

  /** The media types responses come in (JSON, YAML; lists also as watch streams). */
  static List<String> mediaTypes(String action) {
    return action.equals("list")
        ? List.of("application/json", "application/json;stream=watch", "application/yaml")
        : List.of("application/json", "application/yaml");
  }

  static String describe(String code) {
    return switch (code) {
      case "201" -> "Created";
      case "202" -> "Accepted";
      default -> "OK";
    };
  }
}
