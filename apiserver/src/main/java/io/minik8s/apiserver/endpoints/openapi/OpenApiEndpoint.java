package io.minik8s.apiserver.endpoints.openapi;

import io.minik8s.api.ApiException;
import io.minik8s.apiserver.endpoints.openapi.OpenApiDocuments.Document;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.http.Responder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves {@code /openapi/v3}, {@code /openapi/v3/{group-version}} and {@code /openapi/v2} as
 * upstream's kube-openapi handlers do: JSON when the client accepts it, else 406 (client-go asks
 * /openapi/v2 for protobuf only, and must be told no rather than be sent JSON it would parse as
 * protobuf); an ETag on every document, 304 to a matching If-None-Match; a group version asked
 * for with the current {@code ?hash=} is immutable (cached for a year), one asked for with a stale
 * hash is redirected to the current one.
 */
public final class OpenApiEndpoint {
  private static final String V3 = "/openapi/v3";
  private static final String V2 = "/openapi/v2";
  private static final String JSON = "application/json";

  private final Supplier<OpenApiDocuments> source;
  private final Clock clock;
  private volatile OpenApiDocuments documents;

  /**
   * @param documents builds the documents; called once, on the first OpenAPI request, since
   *     rendering them takes a moment that servers which never see kubectl need not spend
   */
  public OpenApiEndpoint(Supplier<OpenApiDocuments> documents, Clock clock) {
    this.source = documents;
    this.clock = clock;
  }

  /** Whether the path is one of the OpenAPI endpoints. */
  public boolean handles(String path) {
    return path.equals(V2) || path.equals(V3) || path.startsWith(V3 + "/");
  }

  /** Answers a GET or HEAD of an OpenAPI path (see {@link #handles}). */
  public void handle(String path, ApiRequest request, Responder responder) {
    if (path.equals(V3)) {
      serve(request, responder, documents().v3Index(), Map.of());
      return;
    }
    if (!acceptsJson(request.header("Accept"))) {
      throw new ApiException(ApiException.failure(406, "NotAcceptable",
          "only the following media types are accepted: " + JSON, null));
    }
    if (path.equals(V2)) {
      serve(request, responder, documents().v2(), Map.of("Vary", "Accept"));
      return;
    }
    String groupVersion = path.substring(V3.length() + 1);
    Document doc = documents().v3(groupVersion).orElseThrow(ApiException::notFoundPath);
    String hash = request.param("hash");
    Map<String, String> headers = new LinkedHashMap<>();
    if (hash != null) {
      if (!hash.equals(doc.etag())) {
        responder.respond(301, "text/html; charset=utf-8", new byte[0],
            Map.of("Location", V3 + "/" + groupVersion + "?hash=" + doc.etag()));
        return;
      }
      // the content of a hashed URL never changes: it may be cached for good
      headers.put("Vary", "Accept");
      headers.put("Cache-Control", "public, immutable");
      headers.put("Expires", DateTimeFormatter.RFC_1123_DATE_TIME
          .format(clock.instant().atZone(ZoneOffset.UTC).plusYears(1)));
    }
    serve(request, responder, doc, headers);
  }

  private void serve(ApiRequest request, Responder responder, Document doc,
      Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    String etag = "\"" + doc.etag() + "\"";
    headers.put("ETag", etag);
    String ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
      responder.respond(304, JSON, new byte[0], headers);
      return;
    }
    responder.respond(200, JSON, doc.json(), headers);
  }

  private OpenApiDocuments documents() {
    OpenApiDocuments d = documents;
    if (d == null) {
      synchronized (this) {
        d = documents;
        if (d == null) {
          d = source.get();
          documents = d;
        }
      }
    }
    return d;
  }

  /** No Accept header, or one naming JSON or a wildcard that covers it. */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String clause : accept.split(",")) {
      int semi = clause.indexOf(';');
      String media = (semi < 0 ? clause : clause.substring(0, semi)).trim()
          .toLowerCase(Locale.ROOT);
      if (media.equals(JSON) || media.equals("application/*") || media.equals("*/*")) {
        return true;
      }
    }
    return false;
  }
}
