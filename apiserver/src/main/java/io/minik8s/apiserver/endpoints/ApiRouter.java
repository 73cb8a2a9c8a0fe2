package io.minik8s.apiserver.endpoints;

import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.apiserver.auth.Authenticator;
import io.minik8s.apiserver.auth.Authorizer;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.endpoints.openapi.OpenApiDocuments;
import io.minik8s.apiserver.endpoints.openapi.OpenApiEndpoint;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.http.RequestHandler;
import io.minik8s.apiserver.http.Responder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The request pipeline: non-resource paths (version, health, discovery), then for resource
 * requests authentication → authorization → the verb handlers (which run admission, validation
 * and storage).
 */
public final class ApiRouter implements RequestHandler {
  private final Authenticator authenticator;
  private final Authorizer authorizer;
  private final ResourceEndpoints resources;
  private final Discovery discovery;
  private final Health health;
  private final Map<String, String> version;
  private final Supplier<String> serverAddress;
  private final OpenApiEndpoint openApi;

  public ApiRouter(Authenticator authenticator, Authorizer authorizer, ResourceEndpoints resources,
      Discovery discovery, Health health, Map<String, String> version,
      Supplier<String> serverAddress) {
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.resources = resources;
    this.discovery = discovery;
    this.health = health;
    this.version = Map.copyOf(version);
    this.serverAddress = serverAddress;
    // the documents describe the built-in registry, the one ApiServer serves
    this.openApi = new OpenApiEndpoint(() -> new OpenApiDocuments(ResourceRegistry.builtIn(),
        this.version.getOrDefault("gitVersion", "v1.32.4")), Clock.systemUTC());
  }

  @Override
  public void handle(ApiRequest request, Responder responder) {
    try {
      route(request, responder);
    } catch (RuntimeException e) {
      Responses.error(request, responder, e);
    }
  }

  private void route(ApiRequest request, Responder responder) {
    String path = request.path().length() > 1 && request.path().endsWith("/")
        ? request.path().substring(0, request.path().length() - 1) : request.path();
    if (health.handles(path)) {
      health.handle(path, request, responder);
      return;
    }
    UserInfo user = authenticator.authenticate(request)
        .orElseThrow(() -> new ApiException(ApiException.failure(401, "Unauthorized",
            "Unauthorized", null)));
    RequestInfo info = RequestInfo.parse(request.method(), path, request.flag("watch"));
    if (!authorizer.authorize(user, info)) {
      throw new ApiException(ApiException.failure(403, "Forbidden",
          "forbidden: User \"" + user.name() + "\" cannot " + info.verb() + " path \""
              + path + "\"", null));
    }
    if (!info.resourceRequest()) {
      nonResource(path, request, responder);
      return;
    }
    resources.handle(info, request, responder, user);
  }

  private void nonResource(String path, ApiRequest request, Responder responder) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      throw path.equals("/version") || path.startsWith("/api")
          ? ApiException.methodNotAllowed() : ApiException.notFoundPath();
    }
    if (openApi.handles(path)) {
      openApi.handle(path, request, responder);
      return;
    }
    boolean aggregated = Discovery.wantsAggregated(request.header("Accept"));
    String[] parts = path.substring(1).split("/");
    Object doc = null;
    if (path.equals("/version")) {
      doc = version;
    } else if (path.equals("/api")) {
      if (aggregated) {
        aggregatedAnswer(responder, discovery.aggregated(true));
        return;
      }
      doc = discovery.apiVersions(serverAddress.get());
    } else if (path.equals("/apis")) {
      if (aggregated) {
        aggregatedAnswer(responder, discovery.aggregated(false));
        return;
      }
      doc = discovery.groupList();
    } else if (parts.length == 2 && parts[0].equals("api")) {
      doc = discovery.resourceList("", parts[1]);
    } else if (parts.length == 2 && parts[0].equals("apis")) {
      doc = discovery.group(parts[1]);
    } else if (parts.length == 3 && parts[0].equals("apis")) {
      doc = discovery.resourceList(parts[1], parts[2]);
    } else if (path.equals("/")) {
      doc = Map.of("paths", java.util.List.of("/api", "/api/v1", "/apis", "/healthz", "/livez",
          "/openapi/v2", "/openapi/v3", "/readyz", "/version"));
    }
    if (doc == null) {
      throw ApiException.notFoundPath();
    }
    Responses.object(request, responder, 200, doc);
  }

  private static void aggregatedAnswer(Responder responder, Object doc) {
    responder.respond(200, Discovery.AGGREGATED, BodyCodec.encode(doc, false),
        Map.of("Vary", "Accept"));
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
