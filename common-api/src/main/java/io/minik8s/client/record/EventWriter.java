package io.minik8s.client.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.ResourceClient.PatchType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one correlated event to the API server (upstream's recordEvent): a new event is created; a
 * repeat patches count, lastTimestamp and message of the existing Event, or, where the server does
 * not serve PATCH, reads it and updates it. A repeat whose Event is gone is created afresh. Called
 * from the broadcaster's single writer thread only.
 */
final class EventWriter {
  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
  private static final int UPDATE_CONFLICT_RETRIES = 3;

  private final ResourceClient<Event> events;
  private final EventCorrelator correlator;
  private boolean patchServed = true;

  EventWriter(ResourceClient<Event> events, EventCorrelator correlator) {
    this.events = events;
    this.correlator = correlator;
  }

  /**
   * Writes the event; true when it is done with (written, or rejected by the server for good),
   * false when the server could not be reached and a retry may succeed.
   */
  boolean write(Event event, boolean repeat) {
    try {
      Event written = null;
      if (repeat) {
        try {
          written = writeRepeat(event);
        } catch (ApiException e) {
          if (!e.isNotFound() || e instanceof ConnectionException) {
            throw e;
          }
        }
      }
      if (written == null) {
        written =
            events.create(
                new EventBuilder(event)
                    .editMetadata()
                    .withResourceVersion(null)
                    .endMetadata()
                    .build());
      }
      correlator.updateState(written);
      return true;
    } catch (ConnectionException e) {
      LOG.warn(
          "Unable to write event {} (may retry after sleeping): {}",
          describe(event),
          e.getMessage());
      return false;
    } catch (ApiException e) {
      if (e.isAlreadyExists()) {
        LOG.debug("Server rejected event {} (will not retry!): {}", describe(event), e.toString());
      } else {
        LOG.error("Server rejected event {} (will not retry!): {}", describe(event), e.toString());
      }
      return true;
    }
  }

  private Event writeRepeat(Event event) {
    String namespace = event.getMetadata().getNamespace();
    String name = event.getMetadata().getName();
    if (patchServed) {
      try {
        return events.patch(namespace, name, PatchType.STRATEGIC_MERGE, repeatPatch(event));
      } catch (ApiException e) {
        if (e.code() != 415 && e.code() != 405) {
          throw e;
        }
        LOG.info(
            "The API server does not serve PATCH of events ({}): updating them instead", e.code());
        patchServed = false;
      }
    }
    for (int attempt = 1; ; attempt++) {
      Event current = events.get(namespace, name);
      try {
        return events.update(
            new EventBuilder(current)
                .withCount(event.getCount())
                .withLastTimestamp(event.getLastTimestamp())
                .withMessage(event.getMessage())
                .build());
      } catch (ApiException e) {
        // someone else wrote the Event between our read and write: read again
        if (!e.isConflict() || attempt >= UPDATE_CONFLICT_RETRIES) {
          throw e;
        }
      }
    }
  }

  /** What upstream's two-way strategic merge patch of a repeat comes down to. */
  private static String repeatPatch(Event event) {
    ObjectNode patch = Serialization.json().createObjectNode();
    patch.put("count", event.getCount());
    patch.put("lastTimestamp", event.getLastTimestamp());
    patch.put("message", event.getMessage());
    return patch.toString();
  }

  static String describe(Event e) {
    return e.getMetadata().getNamespace()
        + "/"
        + e.getMetadata().getName()
        + " ("
        + e.getType()
        + " "
        + e.getReason()
        + ": "
        + e.getMessage()
        + ")";
  }
}
