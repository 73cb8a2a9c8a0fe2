package io.minik8s.apiserver.endpoints;

import com.fasterxml.jackson.core.JsonGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import io.minik8s.apiserver.endpoints.table.Table;
import io.minik8s.apiserver.endpoints.table.TableConvertor;
import io.minik8s.apiserver.endpoints.table.TableRequest;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.http.Responder;
import io.minik8s.apiserver.registry.StorageErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes objects, lists and Statuses in the client's media type. */
public final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  public static void object(ApiRequest request, Responder responder, int code, Object value) {
    boolean yaml = BodyCodec.wantsYaml(request);
    responder.respond(code, yaml ? BodyCodec.YAML : BodyCodec.JSON, BodyCodec.encode(value, yaml),
        Map.of());
  }

  /**
   * A read of one object (get): as a one-row Table when the Accept header asks for one, else the
   * object itself.
   */
  public static void read(
      ApiRequest request,
      Responder responder,
      TableConvertor tables,
      ResourceType type,
      HasMetadata value) {
    try {
      Optional<TableRequest> table = TableRequest.negotiate(request);
      if (table.isPresent()) {
        Table t = tables.object(type, value, table.get(), true);
        responder.respond(
            200, table.get().contentType(), TableConvertor.encode(t, table.get()), Map.of());
        return;
      }
    } catch (RuntimeException e) {
      error(request, responder, e);
      return;
    }
    object(request, responder, 200, value);
  }

  /**
   * A list response: as a Table when the Accept header asks for one (kubectl get), else the list
   * itself.
   */
  public static void list(
      ApiRequest request,
      Responder responder,
      TableConvertor tables,
      ResourceType type,
      List<HasMetadata> items,
      String resourceVersion,
      String continueToken,
      Long remaining) {
    try {
      Optional<TableRequest> table = TableRequest.negotiate(request);
      if (table.isPresent()) {
        Table t =
            tables.list(type, items, resourceVersion, continueToken, remaining, table.get());
        responder.respond(
            200, table.get().contentType(), TableConvertor.encode(t, table.get()), Map.of());
        return;
      }
    } catch (RuntimeException e) {
      error(request, responder, e);
      return;
    }
    list(request, responder, type, items, resourceVersion, continueToken, remaining);
  }

  /** A list response, streamed item by item into one buffer (no intermediate tree). */
  public static void list(
      ApiRequest request,
      Responder responder,
      ResourceType type,
      List<HasMetadata> items,
      String resourceVersion,
      String continueToken,
      Long remaining) {
    if (BodyCodec.wantsYaml(request)) {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("apiVersion", type.apiVersion());
      list.put("kind", type.listKind());
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("resourceVersion", resourceVersion);
      if (continueToken != null) {
        meta.put("continue", continueToken);
      }
      list.put("metadata", meta);
      list.put("items", items);
      object(request, responder, 200, list);
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + items.size() * 1024);
    try (JsonGenerator g = Serialization.json().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("kind", type.listKind());
      g.writeStringField("apiVersion", type.apiVersion());
      g.writeObjectFieldStart("metadata");
      g.writeStringField("resourceVersion", resourceVersion);
      if (continueToken != null) {
        g.writeStringField("continue", continueToken);
      }
      if (remaining != null && continueToken != null) {
        g.writeNumberField("remainingItemCount", remaining);
      }
      g.writeEndObject();
      g.writeArrayFieldStart("items");
      for (HasMetadata item : items) {
        Serialization.json().writeValue(g, item);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw ApiException.internal("cannot encode list: " + e.getMessage());
    }
    responder.respond(200, BodyCodec.JSON, out.toByteArray(), Map.of());
  }

  /** Upstream's Status{Success} answer to a DELETE of kinds that do not return the object. */
  public static Status success(ResourceType type, HasMetadata deleted) {
    Status s = new Status();
    s.setApiVersion("v1");
    s.setKind("Status");
    s.setMetadata(new io.fabric8.kubernetes.api.model.ListMeta());
    s.setStatus("Success");
    StatusDetails d = new StatusDetails();
    d.setName(deleted.getMetadata().getName());
    d.setGroup(type.group().isEmpty() ? null : type.group());
    d.setKind(type.resource());
    d.setUid(deleted.getMetadata().getUid());
    s.setDetails(d);
    return s;
  }

  /** Answers a failure: API errors as their Status, anything else as a 500 Status. */
  public static void error(ApiRequest request, Responder responder, Throwable error) {
    Throwable t = StorageErrors.unwrap(error);
    ApiException api;
    if (t instanceof ApiException e) {
      api = e;
    } else {
      LOG.error("{} {} failed", request.method(), request.path(), t);
      api = ApiException.internal(String.valueOf(t.getMessage()));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Status status = api.status();
    if (status.getDetails() != null && status.getDetails().getRetryAfterSeconds() != null) {
      headers.put("Retry-After", String.valueOf(status.getDetails().getRetryAfterSeconds()));
    }
    responder.respond(api.code(), BodyCodec.JSON, BodyCodec.encode(status, false), headers);
  }
}
