package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.endpoints.table.TableConvertor;
import io.minik8s.apiserver.endpoints.table.TableRequest;
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
 * the object bytes the storage event encoded once for every watcher. A watch that asked for
 * Tables gets each object as a one-row Table, column definitions in the first event only
 * (upstream's watchEmbeddedEncoder); ERROR events stay Statuses.
 */
final class WatchStream implements WatchListener {
  private static final byte[] OBJECT = ",\"object\":".getBytes(StandardCharsets.UTF_8);

  private final Responder.Stream stream;
  private final ResourceType type;
  private final Predicate<HasMetadata> filter;
  private final boolean bookmarks;
  private final TableConvertor tables;
  private final TableRequest table;
  private boolean headersSent;
  private volatile long lastRevision;
  private volatile long lastSentRevision;

  /**
   * @param tables converts objects to Tables when {@code table} is not null
   * @param table the Table the client asked for, or null for the objects themselves
   */
  WatchStream(Responder.Stream stream, ResourceType type, Predicate<HasMetadata> filter,
      boolean bookmarks, long startRevision, TableConvertor tables, TableRequest table) {
    this.stream = stream;
    this.tables = tables;
    this.table = table;
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
    if (table == null) {
      write(event.type().name(), event.objectJson());
    } else {
      writeTableRow(event.type().name(), event.object());
    }
    lastSentRevision = Math.max(lastSentRevision, event.revision());
  }

  void sendBookmark(long revision, Map<String, String> annotations) {
    byte[] object = table == null
        ? BodyCodec.encode(WatchEndpoint.emptyObject(type, String.valueOf(revision), annotations),
            false)
        : TableConvertor.encode(tables.bookmark(String.valueOf(revision), table), table);
    write("BOOKMARK", object);
    lastSentRevision = Math.max(lastSentRevision, revision);
  }

  /** Encodes and writes under one lock, so that the event written first carries the headers. */
  private synchronized void writeTableRow(String eventType, HasMetadata object) {
    byte[] row = TableConvertor.encode(tables.object(type, object, table, !headersSent), table);
    headersSent = true;
    write(eventType, row);
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
