package io.minik8s.apiserver.storage;

import java.util.ArrayList;
import java.util.List;

/** A watch listener that records what it gets, for assertions from the test thread. */
public class RecordingListener implements WatchListener {
  private final List<WatchEvent> events = new ArrayList<>();
  private StorageException error;

  @Override
  public synchronized void onEvent(WatchEvent event) {
    events.add(event);
  }

  @Override
  public synchronized void onError(StorageException error) {
    this.error = error;
  }

  public synchronized List<WatchEvent> events() {
    return List.copyOf(events);
  }

  /** Events other than BOOKMARKs. */
  public synchronized List<WatchEvent> changes() {
    return events.stream().filter(e -> e.type() != WatchEvent.Type.BOOKMARK).toList();
  }

  public synchronized StorageException error() {
    return error;
  }
}
