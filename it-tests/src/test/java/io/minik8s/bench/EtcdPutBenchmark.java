package io.minik8s.bench;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.DeleteOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: raw jetcd puts/s against the same etcd, of values the size of a stored Pod, to
 * new keys (as creates are), after a warm-up.
 */
final class EtcdPutBenchmark implements Benchmark {
  static final List<Integer> CONCURRENCY = List.of(1, 16, 64);
  private static final int PUTS = 10_000;
  private static final int WARM_UP = 3_000;
  /** A round stops early when its time is spent, so that a slow machine still ends in minutes. */
  private static final Duration BUDGET = Duration.ofSeconds(12);
  private static final String PREFIX = "/bench-raw/";

  @Override
  public String name() {
    return "etcd-put";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    int size = context.storedPodBytes();
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    ByteSequence value = ByteSequence.from(bytes);
    KV kv = context.etcd().getKVClient();
    try {
      put(kv, "warm-up", WARM_UP, 16, value, Load.UNBOUNDED);
      for (int concurrency : CONCURRENCY) {
        CpuMeter.Snapshot before = context.cpu().snapshot();
        Load.Result r = put(kv, "c" + concurrency, PUTS, concurrency, value, BUDGET);
        CpuMeter.Snapshot after = context.cpu().snapshot();
        context.etcdPutsPerSecond().put(concurrency, r.perSecond());
        context.report().add(name(), "raw jetcd puts/s, " + concurrency + " in flight",
            Report.rate(r.perSecond()), "(baseline; " + r.operations() + " puts of " + size
                + " B; " + CpuMeter.perOperation(before, after, r.operations(), false) + ")");
      }
    } finally {
      ByteSequence prefix = key("");
      kv.delete(prefix, DeleteOption.builder().isPrefix(true).build()).get(1, TimeUnit.MINUTES);
    }
  }

  private static Load.Result put(KV kv, String round, int count, int concurrency,
      ByteSequence value, Duration budget) {
    Load.Result r = Load.run(count, concurrency, budget,
        i -> kv.put(key(round + "/" + i), value));
    BenchContext.failOnErrors("etcd puts", r);
    return r;
  }

  private static ByteSequence key(String suffix) {
    return ByteSequence.from(PREFIX + suffix, StandardCharsets.UTF_8);
  }
}
