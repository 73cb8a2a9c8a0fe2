package io.minik8s.client.record;

import io.fabric8.kubernetes.api.model.Event;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.client.ResourceClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives events from any number of {@link EventRecorder}s and writes them to the API server on
 * one background thread (client-go's EventBroadcaster recording to the Events sink). Recording
 * never blocks: events wait in a bounded queue (1000, as upstream) and are dropped with an error
 * log when it is full. Each event is correlated (aggregated, counted, spam-filtered) and written;
 * when the server cannot be reached the write is retried every retry interval (the first wait
 * randomized), up to 12 tries. Closing stops accepting events and writes what is queued, once each,
 * within the close timeout.
 */
public final class EventBroadcaster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventBroadcaster.class);
  static final int MAX_QUEUED_EVENTS = 1000;
  static final int MAX_TRIES_PER_EVENT = 12;
  static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(10);

  private final Clock clock;
  private final ResourceRegistry registry;
  private final EventNames names = new EventNames();
  private final EventCorrelator correlator;
  private final EventWriter writer;
  private final BlockingQueue<Event> queue;
  private final Duration retryInterval;
  private final Duration closeTimeout;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean accepting = true;

  /** A broadcaster with upstream's queue length and retry interval. */
  public EventBroadcaster(
      ResourceClient<Event> events,
      ResourceRegistry registry,
      Clock clock,
      ThreadFactory threadFactory) {
    this(
        events,
        registry,
        clock,
        threadFactory,
        MAX_QUEUED_EVENTS,
        DEFAULT_RETRY_INTERVAL,
        Duration.ofSeconds(5));
  }

  /**
   * @param events the typed client of core/v1 Events ({@code kubeClient.resources(Event.class)})
   * @param registry resolves the kind and apiVersion of objects that do not carry them
   * @param threadFactory makes the one writer thread
   */
  public EventBroadcaster(
      ResourceClient<Event> events,
      ResourceRegistry registry,
      Clock clock,
      ThreadFactory threadFactory,
      int queueLength,
      Duration retryInterval,
      Duration closeTimeout) {
    this.clock = clock;
    this.registry = registry;
    this.correlator = new EventCorrelator(clock, names);
    this.writer = new EventWriter(events, correlator);
    this.queue = new ArrayBlockingQueue<>(queueLength);
    this.retryInterval = retryInterval;
    this.closeTimeout = closeTimeout;
    this.thread = threadFactory.newThread(this::run);
  }

  /** A recorder of events from {@code component} (e.g. "default-scheduler") on {@code host}. */
  public EventRecorder newRecorder(String component, String host) {
    return new SourceEventRecorder(component, host, clock, registry, names, this::offer);
  }

  /** Starts the writer thread. */
  public void start() {
    thread.start();
  }

  /** The number of events waiting to be written. */
  public int queued() {
    return queue.size();
  }

  @Override
  public void close() {
    accepting = false;
    closing.countDown();
    if (!thread.isAlive()) {
      return;
    }
    try {
      thread.join(closeTimeout.toMillis());
      if (thread.isAlive()) {
        LOG.warn("{} events not written after {}: dropped", queue.size(), closeTimeout);
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void offer(Event event) {
    if (!accepting) {
      LOG.debug("Event recorder closed, not recording {}", EventWriter.describe(event));
      return;
    }
    if (!queue.offer(event)) {
      LOG.error(
          "Unable to record event: too many queued events, dropped {}",
          EventWriter.describe(event));
    }
  }

  private void run() {
    try {
      while (true) {
        Event event = accepting ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
        if (event == null) {
          if (!accepting) {
            return;
          }
          continue;
        }
        LOG.debug(
            "Event({}): type: '{}' reason: '{}' {}",
            event.getInvolvedObject().getName(),
            event.getType(),
            event.getReason(),
            event.getMessage());
        record(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Correlates and writes one event, retrying while the server is unreachable. */
  private void record(Event event) throws InterruptedException {
    EventCorrelator.Correlation result = correlator.correlate(event);
    if (result.skip()) {
      return;
    }
    for (int tries = 1; !writer.write(result.event(), result.isRepeat()); tries++) {
      if (tries >= MAX_TRIES_PER_EVENT) {
        LOG.error("Unable to write event {} (retry limit exceeded!)", EventWriter.describe(event));
        return;
      }
      // randomize the first wait so that clients do not all retry together after an outage
      long waitNanos = retryInterval.toNanos();
      if (tries == 1) {
        waitNanos = (long) (waitNanos * ThreadLocalRandom.current().nextDouble());
      }
      if (closing.await(waitNanos, TimeUnit.NANOSECONDS)) {
        LOG.error(
            "Unable to write event {} (broadcaster is shut down)", EventWriter.describe(event));
        return;
      }
    }
  }
}
