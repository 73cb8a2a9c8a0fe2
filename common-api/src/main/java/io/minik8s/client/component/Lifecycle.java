package io.minik8s.client.component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The things a process started, closed in reverse order of start exactly once: what started last
 * depends on what started before it (the component's informers on the client, the client on
 * nothing). A failure to close one is logged and does not keep the others open.
 */
final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private record Resource(String name, AutoCloseable closeable) {}

  private final Deque<Resource> resources = new ArrayDeque<>();
  private boolean stopping;

  /** Registers a resource; if the stop already began, closes it at once instead. */
  void add(String name, AutoCloseable closeable) {
    synchronized (this) {
      if (!stopping) {
        resources.push(new Resource(name, closeable));
        return;
      }
    }
    close(new Resource(name, closeable));
  }

  /** Whether {@link #stop} was called. */
  synchronized boolean stopping() {
    return stopping;
  }

  /** Closes everything registered, newest first; later calls do nothing. */
  void stop() {
    List<Resource> toClose;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      toClose = new ArrayList<>(resources); // a pushed deque iterates newest first
      resources.clear();
    }
    toClose.forEach(Lifecycle::close);
  }

  private static void close(Resource resource) {
    try {
      LOG.debug("Stopping {}", resource.name());
      resource.closeable().close();
    } catch (Exception e) {
      LOG.warn("Failed to stop {}: {}", resource.name(), e.toString(), e);
    }
  }
}
