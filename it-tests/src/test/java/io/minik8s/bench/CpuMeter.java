package io.minik8s.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time that the API server, etcd and this benchmark process spend over a round, per
 * operation. Unlike throughput it hardly depends on what else the machine runs, so it says where
 * the time goes even on a busy machine.
 */
final class CpuMeter {
  private final ProcessHandle apiserver;
  private final ProcessHandle etcd;

  /** What the three processes had used at one moment. */
  record Snapshot(Duration apiserver, Duration etcd, Duration client) {}

  CpuMeter(long apiserverPid) {
    this.apiserver = ProcessHandle.of(apiserverPid).orElseThrow();
    // EtcdServer runs etcd as a child of this JVM (absent when it runs etcd in a container)
    this.etcd = ProcessHandle.current().children()
        .filter(p -> p.info().command().map(c -> c.endsWith("/etcd")).orElse(false))
        .findFirst().orElse(null);
  }

  Snapshot snapshot() {
    return new Snapshot(cpu(Optional.of(apiserver)), cpu(Optional.ofNullable(etcd)),
        cpu(Optional.of(ProcessHandle.current())));
  }

  /** "apiserver 1.20, etcd 0.40, client 0.30 ms CPU per op" between two snapshots. */
  static String perOperation(Snapshot before, Snapshot after, int operations, boolean withServer) {
    String etcd = millis(before.etcd(), after.etcd(), operations);
    String client = millis(before.client(), after.client(), operations);
    String server = withServer
        ? "apiserver " + millis(before.apiserver(), after.apiserver(), operations) + ", " : "";
    return server + "etcd " + etcd + ", client " + client + " ms CPU per op";
  }

  private static String millis(Duration before, Duration after, int operations) {
    if (before == null || after == null || operations == 0) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.2f", after.minus(before).toNanos() / 1e6 / operations);
  }

  private static Duration cpu(Optional<ProcessHandle> process) {
    return process.flatMap(p -> p.info().totalCpuDuration()).orElse(null);
  }
}
