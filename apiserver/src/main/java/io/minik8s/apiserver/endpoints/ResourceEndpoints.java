package io.minik8s.apiserver.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import io.minik8s.api.defaults.Defaults;
import io.minik8s.apiserver.admission.AdmissionPlugin;
import io.minik8s.apiserver.admission.AdmissionRequest;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.endpoints.patch.FieldValidation;
import io.minik8s.apiserver.endpoints.patch.ModelSchema;
import io.minik8s.apiserver.endpoints.patch.ObjectPatcher;
import io.minik8s.apiserver.endpoints.patch.PatchType;
import io.minik8s.apiserver.endpoints.patch.StrictFields;
import io.minik8s.apiserver.endpoints.patch.Warnings;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.http.Responder;
import io.minik8s.apiserver.registry.DeleteOptionsView;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.registry.Invalids;
import io.minik8s.apiserver.registry.Registry;
import io.minik8s.apiserver.registry.StorageErrors;
import io.minik8s.apiserver.validation.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/** The verb handlers of resource requests, over the generic registry. */
public final class ResourceEndpoints {
  /** What PATCH .../scale patches: the autoscaling/v1 view of the object. */
  private static final ResourceType SCALE = new ResourceType("autoscaling", "v1", "scale",
      "scale", "Scale", Scale.class, null, true, List.of(), List.of(), List.of(), "scale",
      Map.of());
  private final Registry registry;
  private final AdmissionPlugin admission;
  private final WatchEndpoint watches;
  private final BindingEndpoint bindings;
  private final EvictionEndpoint evictions;
  private final Duration requestTimeout;
  private final StrictFields strictFields = new StrictFields(new ModelSchema(Serialization.json()));

  /**
   * @param requestTimeout how long a non-watch request may take before it is answered with 504
   *     (upstream's --request-timeout), e.g. while etcd does not answer
   */
  public ResourceEndpoints(Registry registry, AdmissionPlugin admission, WatchEndpoint watches,
      Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    this.registry = registry;
    this.admission = admission;
    this.watches = watches;
    this.bindings = new BindingEndpoint(registry);
    this.evictions = new EvictionEndpoint(registry);
  }

  public void handle(RequestInfo info, ApiRequest request, Responder responder, UserInfo user) {
    ResourceType type =
        registry
            .types()
            .find(info.group(), info.version(), info.resource())
            .orElseThrow(ApiException::notFoundPath);
    String sub = info.subresource();
    if (!sub.isEmpty()
        && (!type.hasSubresource(sub) || !Discovery.SERVED_SUBRESOURCES.contains(sub))) {
      throw ApiException.notFoundPath();
    }
    if (!type.namespaced() && !info.namespace().isEmpty()) {
      throw ApiException.notFoundPath();
    }
    if (type.listType() == null || sub.equals("binding")) {
      answer(request, responder, bindings.create(info, request, type), 201);
      return;
    }
    if (sub.equals("eviction")) {
      if (!info.verb().equals("create")) {
        throw ApiException.methodNotAllowed();
      }
      answer(request, responder,
          evictions.create(info, request, "All".equals(request.param("dryRun"))), 201);
      return;
    }
    if (sub.equals("scale") && !info.verb().equals("patch")) {
      GenericStore scaled = registry.store(type);
      switch (info.verb()) {
        case "get" -> answer(request, responder,
            ScaleEndpoint.get(scaled, info.namespace(), info.name()), 200);
        case "update" -> answer(request, responder, ScaleEndpoint.update(scaled,
            info.namespace(), info.name(), request, "All".equals(request.param("dryRun"))), 200);
        default -> throw ApiException.methodNotAllowed();
      }
      return;
    }
    GenericStore store = registry.store(type);
    String ns = info.namespace();
    boolean dryRun = "All".equals(request.param("dryRun"));
    if (request.param("dryRun") != null && !dryRun) {
      throw ApiException.badRequest("dryRun: Unsupported value: \"" + request.param("dryRun")
          + "\": supported values: \"All\"");
    }
    switch (info.verb()) {
      case "get" -> {
        requireNoSubresourceExcept(sub, "status");
        read(request, responder, type, store.get(ns, info.name()));
      }
      case "list" -> list(request, responder, type, store, ns);
      case "watch" -> watches.watch(info, request, responder, type, store);
      case "create" -> {
        requireNoSubresourceExcept(sub, "");
        if (!info.name().isEmpty()) {
          throw ApiException.methodNotAllowed(); // POST goes to the collection
        }
        Warnings warnings = new Warnings();
        HasMetadata object = decode(request, type, "CreateOptions", warnings);
        checkNamespace(object, ns, type);
        answer(request, warnings.on(responder),
            admit("CREATE", type, "", ns, object, user)
                .thenCompose(v -> store.create(ns, object, dryRun)), 201);
      }
      case "update" -> {
        requireNoSubresourceExcept(sub, "status", "finalize");
        Warnings warnings = new Warnings();
        HasMetadata object = decode(request, type, "UpdateOptions", warnings);
        checkNamespace(object, ns, type);
        String bodyName = object.getMetadata().getName();
        if (bodyName == null || bodyName.isEmpty()) {
          object.getMetadata().setName(info.name());
        } else if (!bodyName.equals(info.name())) {
          throw ApiException.badRequest(
              "the name of the object (" + bodyName + ") does not match the name on the URL ("
                  + info.name() + ")");
        }
        answer(request, warnings.on(responder),
            admit("UPDATE", type, sub, ns, object, user)
                .thenCompose(v -> store.update(ns, info.name(), object,
                    sub.isEmpty() ? null : sub, dryRun)), 200);
      }
      case "delete" -> {
        requireNoSubresourceExcept(sub, "");
        DeleteOptionsView options = deleteOptions(request, dryRun);
        CompletableFuture<Object> result =
            admit("DELETE", type, "", ns, null, user, info.name())
                .thenCompose(v -> store.delete(ns, info.name(), options))
                .thenApply(r -> r.deleted() && !store.strategyReturnsDeletedObject()
                    ? Responses.success(type, r.object())
                    : r.object());
        answer(request, responder, result, 200);
      }
      case "deletecollection" -> {
        requireNoSubresourceExcept(sub, "");
        ListOptions list = ListOptions.parse(request, type, false);
        DeleteOptionsView options = deleteOptions(request, dryRun);
        withDeadline(store.deleteCollection(ns, list.toListRequest(), options))
            .whenComplete((items, error) -> {
              if (error != null) {
                Responses.error(request, responder, error);
              } else {
                Responses.list(request, responder, type, items, "", null, null);
              }
            });
      }
      case "patch" -> patch(info, request, responder, user, type, store, dryRun);
      default -> throw ApiException.methodNotAllowed();
    }
  }

  private void list(
      ApiRequest request, Responder responder, ResourceType type, GenericStore store, String ns) {
    ListOptions options = ListOptions.parse(request, type, false);
    withDeadline(store.list(ns, options.toListRequest()))
        .whenComplete(
            (page, error) -> {
              if (error != null) {
                Responses.error(request, responder, error);
              } else {
                Responses.list(request, responder, watches.tables(), type, page.items(),
                    String.valueOf(page.revision()), page.continueToken(),
                    page.remainingItemCount());
              }
            });
  }

  /**
   * PATCH: the patch applied to the current object (or to its Scale) in the registry's update
   * path, with fieldValidation and dryRun as upstream; warnings go out as Warning headers.
   */
  private void patch(RequestInfo info, ApiRequest request, Responder responder, UserInfo user,
      ResourceType type, GenericStore store, boolean dryRun) {
    String sub = info.subresource();
    requireNoSubresourceExcept(sub, "status", "scale");
    if (info.name().isEmpty()) {
      throw ApiException.methodNotAllowed();
    }
    PatchType patchType = PatchType.fromContentType(request.header("Content-Type"));
    FieldValidation validation =
        FieldValidation.parse(request.param("fieldValidation"), "PatchOptions");
    Warnings warnings = new Warnings();
    String ns = info.namespace();
    boolean scale = sub.equals("scale");
    ObjectPatcher patcher = new ObjectPatcher(strictFields, scale ? SCALE : type, ns,
        info.name(), patchType, request.body(), validation, warnings);
    UnaryOperator<HasMetadata> apply = scale
        ? current -> withScale(current, (Scale) patcher.apply(ScaleEndpoint.toScale(current)))
        : patcher::apply;
    CompletableFuture<HasMetadata> patched = store.patch(ns, info.name(),
        sub.isEmpty() || scale ? null : sub, apply,
        object -> admit("UPDATE", type, sub, ns, object, user, info.name()), dryRun);
    answer(request, warnings.on(responder),
        scale ? patched.thenApply(ScaleEndpoint::toScale) : patched, 200);
  }

  /** The object with the replicas of its patched Scale, whose resourceVersion it keeps. */
  private static HasMetadata withScale(HasMetadata current, Scale scale) {
    int replicas = scale.getSpec() == null || scale.getSpec().getReplicas() == null
        ? 0 : scale.getSpec().getReplicas();
    if (replicas < 0) {
      throw Invalids.of("autoscaling", "Scale", current.getMetadata().getName(), List.of(
          FieldError.invalid("spec.replicas", replicas, "must be greater than or equal to 0")));
    }
    ObjectNode tree = Serialization.json().valueToTree(current);
    tree.withObject("/spec").put("replicas", replicas);
    tree.withObject("/metadata").put("resourceVersion", scale.getMetadata().getResourceVersion());
    return Serialization.json().convertValue(tree, current.getClass());
  }

  /** Decodes a create or update body with the request's fieldValidation, then defaults it. */
  private HasMetadata decode(
      ApiRequest request, ResourceType type, String optionsKind, Warnings warnings) {
    FieldValidation validation =
        FieldValidation.parse(request.param("fieldValidation"), optionsKind);
    HasMetadata object = BodyCodec.decode(request, type, strictFields, validation, warnings);
    Defaults.apply(object);
    return object;
  }

  private static void checkNamespace(HasMetadata object, String ns, ResourceType type) {
    String bodyNs = object.getMetadata().getNamespace();
    if (type.namespaced() && bodyNs != null && !bodyNs.isEmpty() && !bodyNs.equals(ns)) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
  }

  private static void requireNoSubresourceExcept(String sub, String... allowed) {
    if (sub.isEmpty()) {
      return;
    }
    for (String a : allowed) {
      if (a.equals(sub)) {
        return;
      }
    }
    throw ApiException.methodNotAllowed();
  }

  private CompletableFuture<Void> admit(String op, ResourceType type, String sub, String ns,
      HasMetadata object, UserInfo user) {
    return admit(op, type, sub, ns, object, user,
        object.getMetadata().getName() == null ? "" : object.getMetadata().getName());
  }

  private CompletableFuture<Void> admit(String op, ResourceType type, String sub, String ns,
      HasMetadata object, UserInfo user, String name) {
    return admission.admit(new AdmissionRequest(op, type, sub, ns, name, object, user));
  }

  private static DeleteOptionsView deleteOptions(ApiRequest request, boolean dryRun) {
    DeleteOptions options = new DeleteOptions();
    if (request.body().length > 0) {
      JsonNode tree = BodyCodec.tree(request);
      options = BodyCodec.decode(tree, tree.path("apiVersion").asText("v1"), "DeleteOptions",
          DeleteOptions.class);
    }
    Long grace = options.getGracePeriodSeconds();
    if (request.param("gracePeriodSeconds") != null) {
      try {
        grace = Long.parseLong(request.param("gracePeriodSeconds"));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid gracePeriodSeconds: "
            + request.param("gracePeriodSeconds"));
      }
    }
    String policy = options.getPropagationPolicy();
    if (request.param("propagationPolicy") != null) {
      policy = request.param("propagationPolicy");
    }
    if (policy == null && options.getOrphanDependents() != null) {
      policy = options.getOrphanDependents() ? "Orphan" : "Background";
    }
    if (policy != null && !policy.equals("Background") && !policy.equals("Foreground")
        && !policy.equals("Orphan")) {
      throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    }
    boolean bodyDryRun = options.getDryRun() != null && options.getDryRun().contains("All");
    var pre = options.getPreconditions();
    return new DeleteOptionsView(grace, pre == null ? null : pre.getUid(),
        pre == null ? null : pre.getResourceVersion(), policy, dryRun || bodyDryRun);
  }

  private <T> CompletableFuture<T> withDeadline(CompletableFuture<T> result) {
    return result.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(
            StorageErrors.unwrap(e) instanceof TimeoutException
                ? ApiException.timeout("the server was unable to return a response in the time"
                    + " allotted, but may still be processing the request", 1)
                : StorageErrors.unwrap(e)));
  }

  private void answer(
      ApiRequest request, Responder responder, CompletableFuture<?> result, int code) {
    withDeadline(result).whenComplete(
        (value, error) -> {
          if (error != null) {
            Responses.error(request, responder, error);
          } else {
            Responses.object(request, responder, code, value);
          }
        });
  }

  /** Answers a get: the object, or a one-row Table when the client asks for one (kubectl get). */
  private void read(ApiRequest request, Responder responder, ResourceType type,
      CompletableFuture<HasMetadata> result) {
    withDeadline(result).whenComplete(
        (value, error) -> {
          if (error != null) {
            Responses.error(request, responder, error);
          } else {
            Responses.read(request, responder, watches.tables(), type, value);
          }
        });
  }
}
