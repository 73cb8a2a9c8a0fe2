package io.minik8s.apiserver.storage;

/**
 * Receives a watch's events, in revision order, from one thread at a time. Implementations must
 * not block: hand slow work to a queue.
 */
public interface WatchListener {
  void onEvent(WatchEvent event);

  /**
   * The watch ended abnormally: its start revision was compacted (GONE), the watcher fell too far
   * behind, or etcd was lost. No call follows.
   */
  void onError(StorageException error);
}
