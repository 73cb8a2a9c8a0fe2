package io.minik8s.client.record;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Limits the events one source may emit about one object with a token bucket per source+object
 * (upstream's EventSourceObjectSpamFilter). Not thread-safe: the correlator serializes calls.
 */
final class SpamFilter {
  private final Map<String, Bucket> buckets;
  private final int burst;
  private final double qps;
  private final Clock clock;

  private static final class Bucket {
    double tokens;
    Instant last;

    Bucket(double tokens, Instant last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  SpamFilter(int entries, int burst, double qps, Clock clock) {
    this.buckets = new LruCache<>(entries);
    this.burst = burst;
    this.qps = qps;
    this.clock = clock;
  }

  /** True if the event must be skipped; otherwise takes a token from its bucket. */
  boolean filter(Event event) {
    Instant now = clock.instant();
    Bucket b = buckets.computeIfAbsent(EventKeys.spamKey(event), k -> new Bucket(burst, now));
    if (now.isAfter(b.last)) {
      b.tokens = Math.min(burst, b.tokens + Duration.between(b.last, now).toNanos() / 1e9 * qps);
      b.last = now;
    }
    if (b.tokens < 1) {
      return true;
    }
    b.tokens -= 1;
    return false;
  }
}
