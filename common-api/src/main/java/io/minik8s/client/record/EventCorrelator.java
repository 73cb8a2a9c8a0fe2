package io.minik8s.client.record;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Keeps events from overwhelming the API server, as upstream's EventCorrelator: similar events
 * (same object and reason, different messages) seen 10 times within 10 minutes are aggregated into
 * one "(combined from similar events)" event; an event identical to an earlier one becomes an
 * update of that Event's count and lastTimestamp; and each source may burst 25 events about one
 * object, then one every 5 minutes (the rest are skipped). Thread-safe.
 */
public final class EventCorrelator {
  static final int LRU_ENTRIES = 4096;
  static final int AGGREGATE_MAX_EVENTS = 10;
  static final Duration AGGREGATE_INTERVAL = Duration.ofSeconds(600);
  static final int SPAM_BURST = 25;
  static final double SPAM_QPS = 1.0 / 300;
  static final String AGGREGATE_PREFIX = "(combined from similar events): ";

  /**
   * The outcome for one event.
   *
   * @param event what to write: a new Event (count 1) or a repeat (count > 1) carrying the name and
   *     resourceVersion of the Event it updates
   * @param skip true when the spam filter dropped it
   */
  public record Correlation(Event event, boolean skip) {

    /** Whether the event updates an existing Event rather than creating one. */
    public boolean isRepeat() {
      return !skip && event.getCount() != null && event.getCount() > 1;
    }
  }

  private record Aggregate(Set<String> messages, Instant last) {}

  private record Observation(
      int count, String firstTimestamp, String name, String resourceVersion) {}

  private final Clock clock;
  private final EventNames names;
  private final Map<String, Aggregate> aggregates = new LruCache<>(LRU_ENTRIES);
  private final Map<String, Observation> observations = new LruCache<>(LRU_ENTRIES);
  private final SpamFilter spamFilter;

  public EventCorrelator(Clock clock, EventNames names) {
    this.clock = clock;
    this.names = names;
    this.spamFilter = new SpamFilter(LRU_ENTRIES, SPAM_BURST, SPAM_QPS, clock);
  }

  /** Aggregates, counts and filters one event; the argument is not modified. */
  public synchronized Correlation correlate(Event event) {
    Event aggregated = event;
    String key = aggregate(event);
    if (key == null) {
      key = EventKeys.eventKey(event);
    } else {
      aggregated = aggregateOf(event);
    }
    Event observed = observe(aggregated, key);
    if (spamFilter.filter(observed)) {
      return new Correlation(observed, true);
    }
    return new Correlation(observed, false);
  }

  /** Records what the server answered (name, resourceVersion, count) for the next repeat. */
  public synchronized void updateState(Event written) {
    observations.put(EventKeys.eventKey(written), observationOf(written));
  }

  /** The aggregate key when the event must be aggregated, else null. */
  private String aggregate(Event event) {
    Instant now = clock.instant();
    String aggregateKey = EventKeys.aggregateKey(event);
    Aggregate record = aggregates.get(aggregateKey);
    if (record == null || Duration.between(record.last(), now).compareTo(AGGREGATE_INTERVAL) > 0) {
      record = new Aggregate(new HashSet<>(), now);
    }
    record.messages().add(event.getMessage() == null ? "" : event.getMessage());
    aggregates.put(aggregateKey, new Aggregate(record.messages(), now));
    if (record.messages().size() < AGGREGATE_MAX_EVENTS) {
      return null;
    }
    // keep the set from growing past the maximum (upstream pops an arbitrary member)
    Iterator<String> it = record.messages().iterator();
    it.next();
    it.remove();
    return aggregateKey;
  }

  /** A fresh Event standing for all similar ones (upstream's aggregate event copy). */
  private Event aggregateOf(Event event) {
    Instant now = clock.instant();
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    return new EventBuilder()
        .withNewMetadata()
        .withName(names.next(event.getInvolvedObject().getName(), now))
        .withNamespace(event.getMetadata().getNamespace())
        .endMetadata()
        .withCount(1)
        .withFirstTimestamp(timestamp)
        .withLastTimestamp(timestamp)
        .withInvolvedObject(event.getInvolvedObject())
        .withMessage(AGGREGATE_PREFIX + event.getMessage())
        .withType(event.getType())
        .withReason(event.getReason())
        .withSource(event.getSource())
        .withReportingComponent(event.getReportingComponent())
        .withReportingInstance(event.getReportingInstance())
        .build();
  }

  /** Counts the event under its key; a repeat takes the name and history of the first. */
  private Event observe(Event event, String key) {
    Observation last = observations.get(key);
    Event observed = event;
    if (last != null && last.count() > 0) {
      observed =
          new EventBuilder(event)
              .editMetadata()
              .withName(last.name())
              .withResourceVersion(last.resourceVersion())
              .endMetadata()
              .withFirstTimestamp(last.firstTimestamp())
              .withCount(last.count() + 1)
              .build();
    }
    observations.put(key, observationOf(observed));
    return observed;
  }

  private static Observation observationOf(Event e) {
    return new Observation(
        e.getCount() == null ? 0 : e.getCount(),
        e.getFirstTimestamp(),
        e.getMetadata().getName(),
        e.getMetadata().getResourceVersion());
  }
}
