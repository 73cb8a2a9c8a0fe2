package io.minik8s.client.record;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The recorder of one event source (component + host): makes each Event as upstream's makeEvent
 * does and hands it to the broadcaster's queue.
 */
final class SourceEventRecorder implements EventRecorder {
  private final String component;
  private final String host;
  private final Clock clock;
  private final ResourceRegistry registry;
  private final EventNames names;
  private final Consumer<Event> queue;

  SourceEventRecorder(
      String component,
      String host,
      Clock clock,
      ResourceRegistry registry,
      EventNames names,
      Consumer<Event> queue) {
    this.component = component;
    this.host = host;
    this.clock = clock;
    this.registry = registry;
    this.names = names;
    this.queue = queue;
  }

  @Override
  public void event(HasMetadata object, EventType type, String reason, String message) {
    queue.accept(makeEvent(referenceTo(object), null, type, reason, message));
  }

  @Override
  public void event(ObjectReference object, EventType type, String reason, String message) {
    queue.accept(makeEvent(object, null, type, reason, message));
  }

  @Override
  public void annotatedEventf(
      HasMetadata object,
      Map<String, String> annotations,
      EventType type,
      String reason,
      String messageFormat,
      Object... args) {
    queue.accept(
        makeEvent(
            referenceTo(object), annotations, type, reason, String.format(messageFormat, args)));
  }

  /** client-go's GetReference: kind and apiVersion, namespace, name, uid, resourceVersion. */
  ObjectReference referenceTo(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    Optional<ResourceType> type = registry.findByClass(object.getClass());
    String kind =
        object.getKind() != null ? object.getKind() : type.map(ResourceType::kind).orElse(null);
    String apiVersion =
        object.getApiVersion() != null
            ? object.getApiVersion()
            : type.map(ResourceType::apiVersion).orElse(null);
    return new ObjectReferenceBuilder()
        .withKind(kind)
        .withApiVersion(apiVersion)
        .withNamespace(meta.getNamespace())
        .withName(meta.getName())
        .withUid(meta.getUid())
        .withResourceVersion(meta.getResourceVersion())
        .build();
  }

  private Event makeEvent(
      ObjectReference ref,
      Map<String, String> annotations,
      EventType type,
      String reason,
      String message) {
    Instant now = clock.instant();
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    String namespace =
        ref.getNamespace() == null || ref.getNamespace().isEmpty() ? "default" : ref.getNamespace();
    return new EventBuilder()
        .withNewMetadata()
        .withName(names.next(ref.getName(), now))
        .withNamespace(namespace)
        .withAnnotations(
            annotations == null || annotations.isEmpty() ? null : Map.copyOf(annotations))
        .endMetadata()
        .withInvolvedObject(ref)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(timestamp)
        .withLastTimestamp(timestamp)
        .withCount(1)
        .withType(type.value())
        .withSource(new EventSource(component, host))
        .withReportingComponent(component)
        .withReportingInstance(host)
        .build();
  }
}
