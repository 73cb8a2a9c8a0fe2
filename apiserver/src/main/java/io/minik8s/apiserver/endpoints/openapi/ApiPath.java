package io.minik8s.apiserver.endpoints.openapi;

import java.util.List;
import java.util.Map;

/**
 * One REST path and its operations, as both OpenAPI versions describe it.
 *
 * @param path e.g. "/api/v1/namespaces/{namespace}/pods/{name}"
 * @param parameters parameters every operation of the path takes (path parameters, pretty)
 * @param operations the operations, by lower-case HTTP method
 */
record ApiPath(String path, List<Parameter> parameters, Map<String, Operation> operations) {
  ApiPath {
    parameters = List.copyOf(parameters);
    operations = Map.copyOf(operations);
  }

  /**
   * One operation.
   *
   * @param action upstream's x-kubernetes-action: get, list, post, put, patch, delete,
   *     deletecollection
   * @param operationId e.g. "patchCoreV1NamespacedPod"
   * @param description what it does, e.g. "partially update the specified Pod"
   * @param groupVersionKind the kind it reads or writes (group, version, kind)
   * @param parameters query parameters of this operation
   * @param body the model class of the request body, or null (GET, and PATCH, whose body is
   *     deliberately left undescribed in v3 so that kubectl computes patches from its own types)
   * @param responses status code → the model class of the response
   * @param tag the group version's tag, e.g. "core_v1"
   */
  record Operation(
      String action,
      String operationId,
      String description,
      Map<String, String> groupVersionKind,
      List<Parameter> parameters,
      Class<?> body,
      Map<String, Class<?>> responses,
      String tag) {
    Operation {
      groupVersionKind = Map.copyOf(groupVersionKind);
      parameters = List.copyOf(parameters);
      responses = Map.copyOf(responses);
    }
  }

  /**
   * A parameter.
   *
   * @param name e.g. "fieldValidation"
   * @param in "path" or "query"
   * @param type "string", "integer" or "boolean"
   * @param description what it means
   */
  record Parameter(String name, String in, String type, String description) {
    boolean required() {
      return in.equals("path");
    }
  }
}
