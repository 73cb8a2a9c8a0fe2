package io.minik8s.apiserver.storage.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts etcd's history every interval, as upstream's compactor (etcd3/compact.go): each round
 * compacts the revision seen one round earlier, so a watcher or continue token has at least one
 * interval before its revision is gone.
 *
 * <p>Several API servers coordinate through the key {@value #COMPACT_REV_KEY}, whose version serves
 * as a logical clock: a server compacts only if its compare-and-swap of the key from the version it
 * last saw succeeds. The others learn the new version from the failed swap and try again one
 * interval later, so one of them compacts per interval, and another takes over within two intervals
 * if it dies.
 */
public final class Compactor implements AutoCloseable {
  /** Upstream's coordination key, outside the /registry prefix. */
  public static final String COMPACT_REV_KEY = "compact_rev_key";

  private static final Logger log = LoggerFactory.getLogger(Compactor.class);
  private static final ByteSequence KEY = ByteSequence.from(COMPACT_REV_KEY, UTF_8);

  private final KV kv;
  private final Duration interval;
  private final ScheduledExecutorService executor;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> next;

  /** The key's version this server last saw: the logical time of the last compaction. */
  private long compactTime;

  /** The revision to compact next round: etcd's revision at the end of the previous round. */
  private long revision;

  /**
   * @param interval the time between compactions (--etcd-compaction-interval, upstream 5m); zero or
   *     negative disables compaction
   * @param executor runs the rounds; owned by the caller
   */
  public Compactor(KV kv, Duration interval, ScheduledExecutorService executor) {
    this.kv = kv;
    this.interval = interval;
    this.executor = executor;
  }

  /** Schedules the first round one interval from now. */
  public void start() {
    if (interval.isZero() || interval.isNegative()) {
      return;
    }
    scheduleNext();
  }

  /** Stops scheduling rounds; a round in flight completes. */
  @Override
  public void close() {
    closed = true;
    ScheduledFuture<?> scheduled = next;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  private void scheduleNext() {
    if (!closed) {
      next = executor.schedule(this::round, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void round() {
    compactOnce()
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                log.warn("etcd compaction failed: {}", EtcdErrors.unwrap(error).toString());
              }
              scheduleNext();
            });
  }

  /**
   * One round: claims this interval's compaction by swapping the coordination key and, if that
   * worked and a revision from the previous round is known, compacts to it. Rounds run one at a
   * time (each schedules the next when done), so the fields need no lock.
   */
  CompletableFuture<Void> compactOnce() {
    long expectedTime = compactTime;
    long toCompact = revision;
    return kv.txn()
        .If(new Cmp(KEY, Cmp.Op.EQUAL, CmpTarget.version(expectedTime)))
        .Then(Op.put(KEY, ByteSequence.from(Long.toString(toCompact), UTF_8), PutOption.DEFAULT))
        .Else(Op.get(KEY, GetOption.DEFAULT))
        .commit()
        .thenCompose(response -> afterSwap(response, expectedTime, toCompact));
  }

  private CompletableFuture<Void> afterSwap(
      TxnResponse response, long expectedTime, long toCompact) {
    revision = response.getHeader().getRevision();
    if (!response.isSucceeded()) {
      // another server compacted this interval: adopt its clock and try next round
      var kvs = response.getGetResponses().get(0).getKvs();
      compactTime = kvs.isEmpty() ? 0 : kvs.get(0).getVersion();
      return CompletableFuture.completedFuture(null);
    }
    compactTime = expectedTime + 1;
    if (toCompact == 0) {
      // the first round only records a revision: nothing is compacted at startup
      return CompletableFuture.completedFuture(null);
    }
    return kv.compact(toCompact)
        .thenAccept(done -> log.debug("etcd: compacted to revision {}", toCompact));
  }
}
