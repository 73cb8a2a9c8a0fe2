package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.StatusCause;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.validation.FieldError;
import java.util.List;

/** Turns field errors into upstream's 422 Invalid Status. */
public final class Invalids {
  private Invalids() {}

  public static ApiException of(ResourceType type, String name, List<FieldError> errors) {
    return of(type.group(), type.kind(), name, errors);
  }

  /** A 422 on any group and kind, e.g. ("meta.k8s.io", "ListOptions"). */
  public static ApiException of(String group, String kind, String name, List<FieldError> errors) {
    List<StatusCause> causes =
        errors.stream()
            .map(
                e -> {
                  StatusCause c = new StatusCause();
                  c.setField(e.field());
                  c.setReason(e.causeReason());
                  c.setMessage(e.causeMessage());
                  return c;
                })
            .toList();
    return ApiException.invalid(
        group, kind, name, causes, errors.stream().map(FieldError::message).toList());
  }
}
