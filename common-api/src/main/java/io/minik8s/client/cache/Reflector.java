package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ApiException;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Store} in step with one resource on the API server (client-go's Reflector): lists
 * (first at resourceVersion "0", which the server may answer from its watch cache, in pages of
 * 500), replaces the store's content with the list, then watches from the list's resourceVersion
 * with bookmarks and a random 5-10 minute timeout. A watch that ends is re-opened from the last
 * resourceVersion seen (of an event or a bookmark); a 410 Gone, from the watch or as an ERROR
 * event, means that version is compacted away, so the reflector lists again, and the store turns
 * what changed meanwhile into events, deletes included. An unreachable server (connection refused)
 * or a 429 delays the next watch with a backoff without re-listing; any other failure re-lists
 * after a backoff (800 ms doubling to 30 s, as client-go's).
 *
 * <p>{@link #run} blocks its thread until {@link #stop}; watch events are applied on the watch's
 * own thread.
 */
public final class Reflector<T extends HasMetadata> {
  private static final Logger log = LoggerFactory.getLogger(Reflector.class);
  static final long PAGE_SIZE = 500;
  static final long MIN_WATCH_TIMEOUT_SECONDS = 300;
  private static final Duration SHORT_WATCH = Duration.ofSeconds(1);
  private static final Duration IDLE_RESYNC_CHECK = Duration.ofSeconds(1);

  private final ListerWatcher<T> listerWatcher;
  private final Store<T> store;
  private final BackoffManager backoff;
  private final Clock clock;
  private final Supplier<Duration> resyncCheckPeriod;
  private final InformerMetrics metrics;
  private final CountDownLatch stopLatch = new CountDownLatch(1);
  private volatile boolean stopped;
  private volatile String lastSyncResourceVersion = "";
  private volatile boolean lastSyncResourceVersionUnavailable;
  private volatile WatchSession<T> current;
  private volatile Thread runner;
  private String relistReason;

  /**
   * @param resyncCheckPeriod how often to call {@link Store#resync} while watching; zero for never
   *     (asked again after each check, so it may change while the reflector runs)
   */
  public Reflector(
      ListerWatcher<T> listerWatcher,
      Store<T> store,
      BackoffManager backoff,
      Clock clock,
      Supplier<Duration> resyncCheckPeriod,
      InformerMetrics metrics) {
    this.listerWatcher = listerWatcher;
    this.store = store;
    this.backoff = backoff;
    this.clock = clock;
    this.resyncCheckPeriod = resyncCheckPeriod;
    this.metrics = metrics;
  }

  /** Lists and watches until {@link #stop}, re-listing after a backoff whenever needed. */
  public void run() {
    runner = Thread.currentThread();
    try {
      while (!stopped) {
        try {
          listAndWatch();
        } catch (RuntimeException e) {
          if (stopped) {
            break;
          }
          log.warn("{}: list and watch failed, retrying: {}", listerWatcher, e.toString());
          relistReason = "Error";
        }
        if (!stopped) {
          pause(backoff.next());
        }
      }
    } finally {
      runner = null;
      // a stop() interrupt must not leak into the executor's next task
      Thread.interrupted();
    }
  }

  /** Ends {@link #run}: closes the watch and interrupts a list in progress. Idempotent. */
  public void stop() {
    stopped = true;
    stopLatch.countDown();
    WatchSession<T> session = current;
    if (session != null) {
      session.finish(Ending.STOPPED);
    }
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** The resourceVersion of the last list, event or bookmark stored; "" before the first list. */
  public String lastSyncResourceVersion() {
    return lastSyncResourceVersion;
  }

  private void listAndWatch() {
    list();
    watch();
  }

  private void list() {
    if (relistReason != null) {
      metrics.relisted(listerWatcher.type(), relistReason);
    }
    Instant start = clock.instant();
    ListPage<T> page;
    try {
      page = listAt(relistResourceVersion());
    } catch (ApiException e) {
      if (!isExpired(e.status()) && !isTooLargeResourceVersion(e.status())) {
        throw e;
      }
      // our version is compacted away or ahead of this server: list at the server's latest
      lastSyncResourceVersionUnavailable = true;
      page = listAt(relistResourceVersion());
    }
    lastSyncResourceVersionUnavailable = false;
    metrics.listed(
        listerWatcher.type(), page.items().size(), Duration.between(start, clock.instant()));
    store.replace(page.items(), page.resourceVersion());
    lastSyncResourceVersion = page.resourceVersion() == null ? "" : page.resourceVersion();
  }

  /** client-go's relistResourceVersion: "0" at first, the last one seen later, "" if gone. */
  private String relistResourceVersion() {
    if (lastSyncResourceVersionUnavailable) {
      return "";
    }
    return lastSyncResourceVersion.isEmpty() ? "0" : lastSyncResourceVersion;
  }

  private ListPage<T> listAt(String resourceVersion) {
    // a list "not older than" a known version can come from the server's watch cache only
    // unpaged, so paging is for "0" (the cache ignores the limit) and "" (etcd) alone
    boolean paged = resourceVersion.isEmpty() || resourceVersion.equals("0");
    return listerWatcher.list(
        ListOptions.NONE
            .withResourceVersion(resourceVersion.isEmpty() ? null : resourceVersion)
            .withLimit(paged ? PAGE_SIZE : 0));
  }

  private void watch() {
    while (!stopped) {
      long timeoutSeconds =
          (long) (MIN_WATCH_TIMEOUT_SECONDS * (1 + ThreadLocalRandom.current().nextDouble()));
      ListOptions options =
          ListOptions.NONE
              .withResourceVersion(lastSyncResourceVersion)
              .withTimeoutSeconds(timeoutSeconds)
              .withBookmarks(true);
      WatchSession<T> session =
          new WatchSession<>(store, listerWatcher.type(), metrics, clock.instant(), this::seen);
      current = session;
      if (stopped) {
        return;
      }
      ResourceClient.Watch watch = null;
      try {
        watch = listerWatcher.watch(options, session);
      } catch (RuntimeException e) {
        session.finish(Ending.openFailed(e));
      }
      Ending ending;
      try {
        ending = awaitEnd(session);
      } finally {
        session.deactivate();
        current = null;
        if (watch != null) {
          watch.close();
        }
      }
      if (stopped || !rewatch(ending, session)) {
        return;
      }
    }
  }

  private void seen(String resourceVersion) {
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      lastSyncResourceVersion = resourceVersion;
    }
  }

  /**
   * Waits for the watch to end, resyncing the store every check period meanwhile. Without a period
   * it still wakes now and then, so that a handler added later with one is served.
   */
  private Ending awaitEnd(WatchSession<T> session) {
    while (true) {
      Duration period = resyncCheckPeriod.get();
      Duration wait = period.isZero() ? IDLE_RESYNC_CHECK : period;
      try {
        return session.ending().get(wait.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (!period.isZero()) {
          store.resync();
        }
      } catch (InterruptedException e) {
        stopped = true;
        return Ending.STOPPED;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Decides what follows a watch's end: true to watch again from the last version (after a backoff
   * if the server is unreachable or busy), false to re-list; throws to re-list after a backoff.
   */
  private boolean rewatch(Ending ending, WatchSession<T> session) {
    Throwable cause = ending.cause();
    if (cause != null && isConnectionRefused(cause)) {
      // the server is most likely restarting: the watch can resume where it ended
      pause(backoff.next());
      return true;
    }
    Status status = ending.status();
    if (status != null) {
      if (isExpired(status)) {
        log.debug("{}: watch closed with 410 Gone, re-listing", listerWatcher);
        relistReason = "Expired";
        return false;
      }
      if (code(status) == 429) {
        pause(backoff.next());
        return true;
      }
      log.warn("{}: watch ended with {} {}", listerWatcher, code(status), status.getMessage());
      relistReason = "Error";
      return false;
    }
    if (cause != null && ending.atOpen()) {
      throw new IllegalStateException("cannot open watch: " + cause, cause);
    }
    Duration lasted = Duration.between(session.started(), clock.instant());
    if (session.events() == 0 && lasted.compareTo(SHORT_WATCH) < 0) {
      throw new IllegalStateException(
          "very short watch: unexpected watch close - watch lasted less than a second and no"
              + " items received");
    }
    // a server-side timeout or a broken stream: carry on from the last version seen
    return true;
  }

  private void pause(Duration delay) {
    try {
      stopLatch.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      stopped = true;
    }
  }

  private static int code(Status status) {
    return status.getCode() == null ? 0 : status.getCode();
  }

  static boolean isExpired(Status status) {
    return code(status) == 410 || "Expired".equals(status.getReason());
  }

  /** Upstream's 504 for a list at a version the server has not reached yet. */
  private static boolean isTooLargeResourceVersion(Status status) {
    return status.getDetails() != null
        && status.getDetails().getCauses() != null
        && status.getDetails().getCauses().stream()
            .anyMatch(c -> "ResourceVersionTooLarge".equals(c.getReason()));
  }

  private static boolean isConnectionRefused(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }
}
