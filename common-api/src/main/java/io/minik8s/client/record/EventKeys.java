package io.minik8s.client.record;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.ObjectReference;

/** The keys upstream's events cache groups events by (tools/record/events_cache.go). */
final class EventKeys {
  private EventKeys() {}

  /** Identical events: same source, object (with field path), type, reason and message. */
  static String eventKey(Event e) {
    ObjectReference o = ref(e);
    return join(
        source(e).getComponent(),
        source(e).getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getFieldPath(),
        o.getUid(),
        o.getApiVersion(),
        e.getType(),
        e.getReason(),
        e.getMessage());
  }

  /** Similar events, which differ only in their message (EventAggregatorByReasonFunc). */
  static String aggregateKey(Event e) {
    ObjectReference o = ref(e);
    return join(
        source(e).getComponent(),
        source(e).getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getUid(),
        o.getApiVersion(),
        e.getType(),
        e.getReason(),
        e.getReportingComponent(),
        e.getReportingInstance());
  }

  /** One source's events about one object, for the spam filter (getSpamKey). */
  static String spamKey(Event e) {
    ObjectReference o = ref(e);
    return join(
        source(e).getComponent(),
        source(e).getHost(),
        o.getKind(),
        o.getNamespace(),
        o.getName(),
        o.getUid(),
        o.getApiVersion());
  }

  private static ObjectReference ref(Event e) {
    return e.getInvolvedObject() == null ? new ObjectReference() : e.getInvolvedObject();
  }

  private static EventSource source(Event e) {
    return e.getSource() == null ? new EventSource() : e.getSource();
  }

  // upstream concatenates without a separator; a separator that names cannot hold avoids the
  // (theoretical) collisions of that
  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      b.append(p == null ? "" : p).append('\u0000');
    }
    return b.toString();
  }
}
