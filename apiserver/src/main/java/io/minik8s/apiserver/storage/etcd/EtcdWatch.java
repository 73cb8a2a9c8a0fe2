package io.minik8s.apiserver.storage.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch.Listener;
import io.etcd.jetcd.Watch.Watcher;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchListener;
import java.util.function.Consumer;

/**
 * One etcd watch on a key prefix, turning etcd events into {@link WatchEvent}s: a put of a new key
 * (version 1) is ADDED, other puts MODIFIED, a delete DELETED carrying the last stored state with
 * the deletion's revision; a progress notification becomes a BOOKMARK. jetcd resumes the watch by
 * itself after a lost connection, so only compaction and unrecoverable errors reach the listener.
 */
final class EtcdWatch implements Storage.Watch, Listener {
  private final String prefix;
  private final long afterRevision;
  private final WatchListener listener;
  private final ObjectCodec codec;
  private final Consumer<EtcdWatch> onClose;
  private volatile boolean closed;
  private volatile Watcher watcher;

  EtcdWatch(
      String prefix,
      long afterRevision,
      WatchListener listener,
      ObjectCodec codec,
      Consumer<EtcdWatch> onClose) {
    this.prefix = prefix;
    this.afterRevision = afterRevision;
    this.listener = listener;
    this.codec = codec;
    this.onClose = onClose;
  }

  void start(io.etcd.jetcd.Watch client) {
    WatchOption.Builder option = WatchOption.builder().isPrefix(true).withPrevKV(true);
    if (afterRevision > 0) {
      option.withRevision(afterRevision + 1);
    }
    Watcher started = client.watch(EtcdStorage.bytes(prefix), option.build(), this);
    watcher = started;
    if (closed) {
      // closed while starting: the close could not reach the watcher yet
      started.close();
    }
  }

  @Override
  public synchronized void onNext(WatchResponse response) {
    if (closed) {
      return;
    }
    if (response.getEvents().isEmpty()) {
      if (response.isProgressNotify()) {
        long revision = response.getHeader().getRevision();
        listener.onEvent(
            new WatchEvent(
                WatchEvent.Type.BOOKMARK, null, codec.bookmark(revision), null, revision));
      }
      return;
    }
    for (io.etcd.jetcd.watch.WatchEvent event : response.getEvents()) {
      WatchEvent converted;
      try {
        converted = convert(event);
      } catch (StorageException e) {
        fail(e);
        return;
      }
      if (converted != null) {
        listener.onEvent(converted);
      }
      if (closed) {
        return;
      }
    }
  }

  private WatchEvent convert(io.etcd.jetcd.watch.WatchEvent event) {
    KeyValue kv = event.getKeyValue();
    String key = kv.getKey().toString(UTF_8);
    KeyValue prev = event.getPrevKV();
    boolean hasPrev = prev != null && prev.getVersion() > 0;
    HasMetadata prevObject =
        hasPrev ? codec.decode(key, prev.getValue(), prev.getModRevision()) : null;
    switch (event.getEventType()) {
      case PUT -> {
        HasMetadata object = codec.decode(key, kv.getValue(), kv.getModRevision());
        WatchEvent.Type type =
            kv.getVersion() == 1 ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED;
        return new WatchEvent(
            type,
            key,
            object,
            type == WatchEvent.Type.ADDED ? null : prevObject,
            kv.getModRevision());
      }
      case DELETE -> {
        if (!hasPrev) {
          throw new StorageException(
              Reason.INTERNAL, key, "etcd sent a delete of " + key + " without its previous value");
        }
        HasMetadata last = codec.decode(key, prev.getValue(), kv.getModRevision());
        return new WatchEvent(WatchEvent.Type.DELETED, key, last, prevObject, kv.getModRevision());
      }
      default -> {
        return null;
      }
    }
  }

  @Override
  public synchronized void onError(Throwable throwable) {
    if (closed) {
      return;
    }
    Throwable cause = EtcdErrors.unwrap(throwable);
    if (cause instanceof CompactedException compacted) {
      fail(
          new StorageException(
              Reason.GONE,
              prefix,
              "too old resource version: "
                  + afterRevision
                  + " ("
                  + compacted.getCompactedRevision()
                  + ")",
              cause));
    } else {
      StorageException translated = EtcdErrors.translate(cause, prefix);
      // whatever ended the watch, the watcher must start over: never INTERNAL-and-continue
      fail(
          translated.reason() == Reason.UNAVAILABLE
              ? translated
              : new StorageException(
                  Reason.UNAVAILABLE, prefix, "etcd watch failed: " + cause.getMessage(), cause));
    }
  }

  @Override
  public synchronized void onCompleted() {
    if (!closed) {
      fail(new StorageException(Reason.UNAVAILABLE, prefix, "etcd ended the watch"));
    }
  }

  private void fail(StorageException error) {
    closeQuietly();
    listener.onError(error);
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    Watcher current = watcher;
    if (current != null) {
      current.close();
    }
    onClose.accept(this);
  }
}
