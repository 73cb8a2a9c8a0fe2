package io.minik8s.client.record;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Map;

/**
 * Records Events about objects on behalf of one component on one host (client-go's
 * record.EventRecorder). Never blocks and never throws for the API server's sake: events are queued
 * and written in the background, repeats are counted into one Event, and when the queue is full the
 * event is dropped with a log line. Thread-safe.
 *
 * <p>{@code reason} is short, UpperCamelCase and machine-readable (a constant, e.g. "Scheduled");
 * {@code message} is for humans. The Event goes to the object's namespace ("default" for
 * cluster-scoped objects).
 */
public interface EventRecorder {

  /** Records an event about the object. */
  void event(HasMetadata object, EventType type, String reason, String message);

  /** Records an event about the object a reference names. */
  void event(ObjectReference object, EventType type, String reason, String message);

  /** Like {@link #event}, with {@link String#format} applied to the message. */
  default void eventf(
      HasMetadata object, EventType type, String reason, String messageFormat, Object... args) {
    event(object, type, reason, String.format(messageFormat, args));
  }

  /** Like {@link #eventf}, with annotations on the Event object. */
  void annotatedEventf(
      HasMetadata object,
      Map<String, String> annotations,
      EventType type,
      String reason,
      String messageFormat,
      Object... args);
}
