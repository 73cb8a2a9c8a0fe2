package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.http.Responder;
import io.minik8s.apiserver.registry.StorageErrors;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One client's watch: applies the selector to each storage event (an object that starts or stops
 * matching becomes ADDED or DELETED, as upstream) and writes the event as one JSON line, reusing
 * the object bytes the storage event encoded once for every watcher.
 */
final class WatchStream implements WatchListener {
  private static final byte[] OBJECT = ",\"object\":".getBytes(StandardCharsets.UTF_8);

  private final Responder.Stream stream;
  private final ResourceType type;
  private final Predicate<HasMetadata> filter;
  private final boolean bookmarks;
  private volatile long lastRevision;
  private volatile long lastSentRevision;

  WatchStream(Responder.Stream stream, ResourceType type, Predicate<HasMetadata> filter,
      boolean bookmarks, long startRevision) {
    this.stream = stream;
    this.type = type;
    this.filter = filter;
    this.bookmarks = bookmarks;
    this.lastRevision = startRevision;
    this.lastSentRevision = startRevision;
  }

  @Override
  public void onEvent(WatchEvent event) {
    lastRevision = Math.max(lastRevision, event.revision());
    if (event.type() == WatchEvent.Type.BOOKMARK) {
      if (bookmarks) {
        sendBookmark(event.revision(), Map.of());
      }
      return;
    }
    WatchEvent.Type type = visibleType(event);
    if (type == null) {
      return;
    }
    // a client that cannot keep up is cut off rather than buffered without bound; it re-watches
    // from the last resourceVersion it saw
    if (!stream.isWritable()) {
      stream.end();
      return;
    }
    send(type == event.type() ? event
        : new WatchEvent(type, event.key(), event.object(), event.prevObject(), event.revision()));
  }

  private WatchEvent.Type visibleType(WatchEvent event) {
    boolean now = filter.test(event.object());
    return switch (event.type()) {
      case ADDED -> now ? WatchEvent.Type.ADDED : null;
      case DELETED -> now ? WatchEvent.Type.DELETED : null;
      case MODIFIED -> {
        boolean before = event.prevObject() != null && filter.test(event.prevObject());
        if (now && before) {
          yield WatchEvent.Type.MODIFIED;
        } else if (now) {
          yield WatchEvent.Type.ADDED;
        } else if (before) {
          yield WatchEvent.Type.DELETED;
        }
        yield null;
      }
      case BOOKMARK -> null;
    };
  }

  void send(WatchEvent event) {
    write(event.type().name(), event.objectJson());
    lastSentRevision = Math.max(lastSentRevision, event.revision());
  }

  void sendBookmark(long revision, Map<String, String> annotations) {
    HasMetadata object = WatchEndpoint.emptyObject(type, String.valueOf(revision), annotations);
    write("BOOKMARK", BodyCodec.encode(object, false));
    lastSentRevision = Math.max(lastSentRevision, revision);
  }

  @Override
  public void onError(StorageException error) {
    Throwable api = StorageErrors.toApi(error, type, "");
    if (error.reason() == StorageException.Reason.GONE) {
      write("ERROR", BodyCodec.encode(((ApiException) api).status(), false));
    }
    stream.end();
  }

  private synchronized void write(String eventType, byte[] object) {
    ByteArrayOutputStream line = new ByteArrayOutputStream(object.length + 32);
    line.writeBytes(("{\"type\":\"" + eventType + "\"").getBytes(StandardCharsets.UTF_8));
    line.writeBytes(OBJECT);
    line.writeBytes(object);
    line.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
    stream.write(line.toByteArray());
  }
}
