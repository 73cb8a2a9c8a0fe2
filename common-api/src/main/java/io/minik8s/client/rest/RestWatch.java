package io.minik8s.client.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import io.minik8s.client.WatchListener.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch stream read by its own thread: newline-delimited {@code {"type","object"}} events
 * decoded and handed to the listener in order, ERROR events as {@code onError} followed by the end
 * of the stream, and {@code onClose} exactly once at the end.
 */
final class RestWatch<T> implements ResourceClient.Watch {
  private static final Logger log = LoggerFactory.getLogger(RestWatch.class);
  private static final long CLOSE_WAIT_MILLIS = 30_000;

  private final String description;
  private final InputStream body;
  private final Class<T> type;
  private final WatchListener<T> listener;
  private final Consumer<RestWatch<?>> onEnd;
  private final Thread thread;
  private final Object lock = new Object();
  private boolean closed;
  private boolean inListener;

  RestWatch(
      String description,
      InputStream body,
      Class<T> type,
      WatchListener<T> listener,
      Consumer<RestWatch<?>> onEnd) {
    this.description = description;
    this.body = body;
    this.type = type;
    this.listener = listener;
    this.onEnd = onEnd;
    this.thread = new Thread(this::run, "watch " + description);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    Throwable cause = null;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while (!isClosed() && (line = reader.readLine()) != null) {
        if (!line.isBlank() && !dispatch(Serialization.json().readTree(line))) {
          break;
        }
      }
    } catch (ApiException e) {
      cause = e;
    } catch (JsonProcessingException e) {
      cause = new IllegalStateException("undecodable event on watch " + description, e);
    } catch (IOException e) {
      cause = new ConnectionException("watch " + description + " broke: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      cause = e;
    } finally {
      finish(cause);
    }
  }

  /** Hands one event to the listener; false when the stream must end (ERROR, closed). */
  private boolean dispatch(JsonNode event) throws JsonProcessingException {
    String kind = event.path("type").asText();
    JsonNode object = event.path("object");
    if (kind.equals("ERROR")) {
      Status status = Serialization.json().treeToValue(object, Status.class);
      if (enterListener()) {
        try {
          listener.onError(status);
        } finally {
          leaveListener();
        }
      }
      throw new ApiException(status);
    }
    EventType eventType;
    try {
      eventType = EventType.valueOf(kind);
    } catch (IllegalArgumentException unknown) {
      log.warn("ignoring watch event of unknown type {} on {}", kind, description);
      return true;
    }
    T decoded = Serialization.json().treeToValue(object, type);
    if (!enterListener()) {
      return false;
    }
    try {
      listener.onEvent(eventType, decoded);
    } finally {
      leaveListener();
    }
    return true;
  }

  private boolean enterListener() {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      inListener = true;
      return true;
    }
  }

  private void leaveListener() {
    synchronized (lock) {
      inListener = false;
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  private void finish(Throwable cause) {
    boolean byClient;
    synchronized (lock) {
      byClient = closed;
      closed = true;
    }
    try {
      body.close();
    } catch (IOException e) {
      log.debug("closing watch {}: {}", description, e.toString());
    }
    // close() may have interrupted this thread to unblock a read; that must not leak into onClose
    Thread.interrupted();
    try {
      listener.onClose(byClient ? null : cause);
    } catch (RuntimeException e) {
      log.warn("onClose of watch {} threw", description, e);
    } finally {
      onEnd.accept(this);
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        // interrupt only a blocked read, never a listener that is working
        if (!inListener) {
          thread.interrupt();
        }
      }
    }
    try {
      body.close();
    } catch (IOException e) {
      log.debug("closing watch {}: {}", description, e.toString());
    }
    if (Thread.currentThread() != thread) {
      join();
    }
  }

  private void join() {
    try {
      thread.join(CLOSE_WAIT_MILLIS);
      if (thread.isAlive()) {
        log.warn(
            "watch {} did not end within {} ms of close: its listener is blocked",
            description,
            CLOSE_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "watch " + description;
  }
}
