package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.endpoints.table.TableConvertor;
import io.minik8s.apiserver.endpoints.table.TableRequest;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.http.Responder;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.registry.StorageErrors;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.WatchEvent;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watch requests: optional initial state (resourceVersion unset or "0", or sendInitialEvents),
 * then changes after the start revision as newline-delimited JSON events; selectors turn objects
 * that start or stop matching into ADDED or DELETED; bookmarks on request; the stream ends at
 * timeoutSeconds (else after a random 30-60 minutes, upstream's min-request-timeout), when the
 * client leaves, or with an ERROR event (410 Expired) when its revision is gone. Objects go out
 * as one-row Tables when the Accept header asks for Tables (kubectl get -w).
 */
public final class WatchEndpoint {
  static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

  private final ScheduledExecutorService timers;
  private final long minRequestTimeoutSeconds;
  private final TableConvertor tables;

  /** A watch endpoint printing Tables with upstream's printers and the system clock. */
  public WatchEndpoint(ScheduledExecutorService timers, long minRequestTimeoutSeconds) {
    this(timers, minRequestTimeoutSeconds, TableConvertor.builtIn());
  }

  public WatchEndpoint(ScheduledExecutorService timers, long minRequestTimeoutSeconds,
      TableConvertor tables) {
    this.timers = timers;
    this.minRequestTimeoutSeconds = minRequestTimeoutSeconds;
    this.tables = tables;
  }

  /** The Table convertor this endpoint prints with, shared with list and get responses. */
  TableConvertor tables() {
    return tables;
  }

  void watch(RequestInfo info, ApiRequest request, Responder responder, ResourceType type,
      GenericStore store) {
    ListOptions options = ListOptions.parse(request, type, true);
    // negotiated before the stream starts, so that a bad includeObject is a 400, not a cut stream;
    // events are JSON lines whatever syntax the Table was asked in
    TableRequest table = TableRequest.negotiate(request)
        .map(t -> new TableRequest(t.version(), false, t.includeObject()))
        .orElse(null);
    Predicate<HasMetadata> predicate = options.predicate();
    if (!info.name().isEmpty()) {
      String name = info.name();
      predicate = predicate.and(o -> name.equals(o.getMetadata().getName()));
    }
    String rv = options.resourceVersion();
    boolean sendInitial = options.sendInitialEvents() != null
        ? options.sendInitialEvents()
        : rv == null || rv.equals("0");
    String ns = info.namespace();
    Predicate<HasMetadata> filter = predicate;
    if (!sendInitial) {
      // without initial events an unset or "0" resourceVersion means "from now"
      long after = rv == null || rv.equals("0") ? 0 : Long.parseLong(rv);
      start(request, responder, type, store, ns, filter, options, table, after, null);
      return;
    }
    ListRequest initial = new ListRequest(rv, rv == null ? null : "NotOlderThan", 0, null, filter,
        options.indexHints());
    store.list(ns, initial).whenComplete((page, error) -> {
      if (error != null) {
        Responses.error(request, responder, StorageErrors.translate(error, type, ""));
        return;
      }
      start(request, responder, type, store, ns, filter, options, table, page.revision(),
          page.items());
    });
  }

  private void start(ApiRequest request, Responder responder, ResourceType type,
      GenericStore store, String ns, Predicate<HasMetadata> filter, ListOptions options,
      TableRequest table, long afterRevision, java.util.List<HasMetadata> initialItems) {
    Responder.Stream stream = responder.stream(BodyCodec.JSON);
    WatchStream watcher = new WatchStream(stream, type, filter, options.allowWatchBookmarks(),
        afterRevision, tables, table);
    if (initialItems != null) {
      for (HasMetadata item : initialItems) {
        watcher.send(new WatchEvent(WatchEvent.Type.ADDED, null, item, null, afterRevision));
      }
      if (Boolean.TRUE.equals(options.sendInitialEvents())) {
        watcher.sendBookmark(afterRevision, Map.of(INITIAL_EVENTS_END, "true"));
      }
    }
    var storageWatch = store.watch(ns, afterRevision, watcher, options.allowWatchBookmarks());
    long timeout = options.timeoutSeconds() != null && options.timeoutSeconds() > 0
        ? options.timeoutSeconds()
        : minRequestTimeoutSeconds
            + ThreadLocalRandom.current().nextLong(Math.max(1, minRequestTimeoutSeconds));
    var timer = timers.schedule(stream::end, timeout, TimeUnit.SECONDS);
    stream.onClose(() -> {
      storageWatch.close();
      timer.cancel(false);
    });
  }

  static HasMetadata emptyObject(ResourceType type, String resourceVersion,
      Map<String, String> annotations) {
    try {
      HasMetadata object = type.type().getDeclaredConstructor().newInstance();
      ObjectMeta meta = new ObjectMeta();
      meta.setResourceVersion(resourceVersion);
      if (!annotations.isEmpty()) {
        meta.setAnnotations(annotations);
      }
      object.setMetadata(meta);
      object.setApiVersion(type.apiVersion());
      return object;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
