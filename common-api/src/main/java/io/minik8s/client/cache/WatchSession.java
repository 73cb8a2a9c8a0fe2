package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ResourceType;
import io.minik8s.client.WatchListener;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch of a {@link Reflector}: applies its events to the store on the watch's thread until the
 * reflector lets go of it, so that a late event of an abandoned watch can never land after the
 * re-list that replaced it.
 */
final class WatchSession<T extends HasMetadata> implements WatchListener<T> {
  private static final Logger log = LoggerFactory.getLogger(WatchSession.class);

  private final Store<T> store;
  private final ResourceType type;
  private final InformerMetrics metrics;
  private final Instant started;
  private final Consumer<String> resourceVersionSeen;
  private final CompletableFuture<Ending> ending = new CompletableFuture<>();
  private boolean active = true;
  private int events;

  WatchSession(
      Store<T> store,
      ResourceType type,
      InformerMetrics metrics,
      Instant started,
      Consumer<String> resourceVersionSeen) {
    this.store = store;
    this.type = type;
    this.metrics = metrics;
    this.started = started;
    this.resourceVersionSeen = resourceVersionSeen;
  }

  @Override
  public synchronized void onEvent(EventType eventType, T obj) {
    if (!active) {
      return;
    }
    metrics.eventReceived(type, eventType);
    try {
      switch (eventType) {
        case ADDED -> store.add(obj);
        case MODIFIED -> store.update(obj);
        case DELETED -> store.delete(obj);
        case BOOKMARK -> {
          // nothing changed: the server says we are up to date at this version
        }
      }
    } catch (RuntimeException e) {
      log.error("{}: cannot store {} event", type.resource(), eventType, e);
    }
    resourceVersionSeen.accept(obj.getMetadata().getResourceVersion());
    events++;
  }

  @Override
  public void onError(Status status) {
    finish(Ending.error(status));
  }

  @Override
  public void onClose(Throwable cause) {
    finish(Ending.closed(cause));
  }

  /** The first ending wins: an ERROR event is followed by its close, which changes nothing. */
  void finish(Ending end) {
    ending.complete(end);
  }

  CompletableFuture<Ending> ending() {
    return ending;
  }

  Instant started() {
    return started;
  }

  synchronized int events() {
    return events;
  }

  synchronized void deactivate() {
    active = false;
  }
}
