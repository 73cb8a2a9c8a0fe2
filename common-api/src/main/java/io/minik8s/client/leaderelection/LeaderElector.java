package io.minik8s.client.leaderelection;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.minik8s.client.ResourceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * client-go's LeaderElector on a Lease. A candidate tries every retry period (jittered) to acquire
 * the lease: it creates the Lease if missing, or takes it over when the holder is empty or the
 * record has not changed for the lease duration <em>as measured on this process' clock</em> since
 * this candidate saw it change (other machines' timestamps are never trusted). Once leading it
 * renews every retry period; if renewing keeps failing for the renew deadline it stops leading for
 * good. Every write carries the resourceVersion last read, so two candidates can never both win the
 * same round. Losing leadership is final: the owner is expected to stop its work (upstream's
 * components exit).
 *
 * <p>Steps run one at a time on the injected scheduler; callbacks run on the injected executor.
 */
public final class LeaderElector {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElector.class);

  private enum State {
    NEW,
    ACQUIRING,
    LEADING,
    STOPPED
  }

  private final LeaderElectionConfig config;
  private final LeaseCandidate candidate;
  private final LeaderCallbacks callbacks;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Executor callbackExecutor;
  private final ReentrantLock stepLock = new ReentrantLock();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();

  private State state = State.NEW; // guarded by this
  private ScheduledFuture<?> next; // guarded by this
  private String reportedLeader = ""; // guarded by stepLock
  private Instant renewRoundStart; // guarded by stepLock

  /**
   * @param leases the typed client of Leases ({@code kubeClient.resources(Lease.class)})
   * @param scheduler runs the elector's steps; not owned
   * @param callbackExecutor runs the callbacks; not owned
   */
  public LeaderElector(
      LeaderElectionConfig config,
      ResourceClient<Lease> leases,
      LeaderCallbacks callbacks,
      Clock clock,
      ScheduledExecutorService scheduler,
      Executor callbackExecutor) {
    this.config = config;
    this.candidate = new LeaseCandidate(config, leases, clock);
    this.callbacks = callbacks;
    this.clock = clock;
    this.scheduler = scheduler;
    this.callbackExecutor = callbackExecutor;
  }

  /** Starts trying to acquire the lease. Returns at once. */
  public void start() {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException("leader elector already started");
      }
      state = State.ACQUIRING;
    }
    LOG.info("Attempting to acquire leader lease {}...", candidate.describe());
    schedule(this::acquireStep, Duration.ZERO);
  }

  /**
   * Stops: no further attempt or renewal; a leader releases the lease when configured to, then gets
   * {@link LeaderCallbacks#onStoppedLeading}. Waits for a step in progress. Idempotent.
   */
  public void stop() {
    State was;
    synchronized (this) {
      was = state;
      if (was == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
      if (next != null) {
        next.cancel(false);
      }
    }
    stepLock.lock();
    try {
      if (config.releaseOnCancel()) {
        candidate.release();
      }
      if (was == State.LEADING) {
        callbackExecutor.execute(callbacks::onStoppedLeading);
      }
    } finally {
      stepLock.unlock();
      ended.complete(null);
    }
  }

  /** Whether this process leads now (between onStartedLeading and onStoppedLeading). */
  public synchronized boolean isLeader() {
    return state == State.LEADING;
  }

  /** The holder of the lease as last observed, if any. */
  public Optional<String> leader() {
    String holder = candidate.observedHolder();
    return holder.isEmpty() ? Optional.empty() : Optional.of(holder);
  }

  /** Completes once the elector has ended: stopped, or leadership lost. */
  public CompletionStage<Void> whenEnded() {
    return ended;
  }

  /**
   * The health check of a leader (client-go's HealthzAdaptor): false when this process believes it
   * leads but has not renewed for longer than the lease duration plus the tolerance, i.e. it should
   * have stepped down already (a stuck process).
   */
  public boolean isHealthy(Duration maxTolerableExpiredLease) {
    Instant seen = candidate.observedTime();
    if (!isLeader() || seen == null) {
      return true;
    }
    return !clock
        .instant()
        .isAfter(seen.plus(config.leaseDuration()).plus(maxTolerableExpiredLease));
  }

  private void acquireStep() {
    stepLock.lock();
    try {
      synchronized (this) {
        if (state != State.ACQUIRING) {
          return;
        }
      }
      boolean acquired = candidate.tryAcquireOrRenew();
      maybeReportTransition();
      if (!acquired) {
        schedule(this::acquireStep, jittered(config.retryPeriod()));
        return;
      }
      synchronized (this) {
        if (state != State.ACQUIRING) {
          return; // stopped meanwhile: stop() releases if configured
        }
        state = State.LEADING;
      }
      LOG.info("Successfully acquired lease {}", candidate.describe());
      callbackExecutor.execute(callbacks::onStartedLeading);
      renewRoundStart = null;
      schedule(this::renewStep, config.retryPeriod());
    } finally {
      stepLock.unlock();
    }
  }

  private void renewStep() {
    stepLock.lock();
    try {
      synchronized (this) {
        if (state != State.LEADING) {
          return;
        }
      }
      Instant roundStart = renewRoundStart != null ? renewRoundStart : clock.instant();
      renewRoundStart = roundStart;
      boolean renewed = candidate.tryAcquireOrRenew();
      maybeReportTransition();
      Instant deadline = roundStart.plus(config.renewDeadline());
      Instant now = clock.instant();
      // a renewal that succeeds after the deadline is too late: standbys may already count down
      if (renewed && !now.isAfter(deadline)) {
        renewRoundStart = null;
        schedule(this::renewStep, config.retryPeriod());
      } else if (!renewed && now.plus(config.retryPeriod()).isBefore(deadline)) {
        schedule(this::renewStep, config.retryPeriod());
      } else if (!renewed) {
        schedule(this::loseStep, Duration.between(now, deadline));
      } else {
        lose();
      }
    } finally {
      stepLock.unlock();
    }
  }

  private void loseStep() {
    stepLock.lock();
    try {
      lose();
    } finally {
      stepLock.unlock();
    }
  }

  private void lose() {
    synchronized (this) {
      if (state != State.LEADING) {
        return;
      }
      state = State.STOPPED;
    }
    LOG.info(
        "Failed to renew lease {}: renew deadline {} exceeded",
        candidate.describe(),
        config.renewDeadline());
    if (config.releaseOnCancel()) {
      candidate.release();
    }
    callbackExecutor.execute(callbacks::onStoppedLeading);
    ended.complete(null);
  }

  private void maybeReportTransition() {
    String holder = candidate.observedHolder();
    if (holder.equals(reportedLeader)) {
      return;
    }
    reportedLeader = holder;
    if (!holder.isEmpty()) {
      LOG.info("New leader of lease {}: {}", candidate.describe(), holder);
      callbackExecutor.execute(() -> callbacks.onNewLeader(holder));
    }
  }

  private synchronized void schedule(Runnable step, Duration delay) {
    if (state == State.STOPPED) {
      return;
    }
    next = scheduler.schedule(step, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  private Duration jittered(Duration period) {
    double factor = config.jitterFactor();
    if (factor <= 0) {
      return period;
    }
    double extra = ThreadLocalRandom.current().nextDouble() * factor;
    return Duration.ofNanos(period.toNanos() + (long) (extra * period.toNanos()));
  }
}
