package io.minik8s.apiserver.it;

import io.minik8s.apiserver.ApiServer;
import io.minik8s.apiserver.ApiServerOptions;
import io.minik8s.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine;

/**
 * A real API server for integration tests: started in this JVM on a free port over real HTTP,
 * against a real etcd, under its own etcd prefix unless the test names one (so test classes
 * sharing one etcd never see each other's objects).
 */
public final class TestApiServer implements AutoCloseable {
  private final ApiServer server;
  private final String prefix;
  private final EtcdServer etcd;

  private TestApiServer(EtcdServer etcd, String prefix, ApiServer server) {
    this.etcd = etcd;
    this.prefix = prefix;
    this.server = server;
  }

  /** Starts a server on the shared etcd under a fresh prefix. */
  public static TestApiServer start(String... extraFlags) {
    return start(EtcdServer.shared(), "/registry-" + UUID.randomUUID(), extraFlags);
  }

  /** Starts a server on the given etcd and prefix (e.g. "/registry", upstream's). */
  public static TestApiServer start(EtcdServer etcd, String prefix, String... extraFlags) {
    List<String> args = new ArrayList<>(List.of(
        "--etcd-servers=" + etcd.endpoint(),
        "--etcd-prefix=" + prefix,
        "--port=0",
        "--service-cluster-ip-range=127.96.0.0/16",
        "--etcd-compaction-interval=0"));
    args.addAll(List.of(extraFlags));
    ApiServerOptions options = new ApiServerOptions();
    // later flags override the harness defaults (e.g. --etcd-compaction-interval)
    new CommandLine(options).setOverwrittenOptionsAllowed(true)
        .parseArgs(args.toArray(String[]::new));
    ApiServer server = new ApiServer(options);
    try {
      server.start();
    } catch (Exception e) {
      server.close();
      throw new IllegalStateException("API server did not start", e);
    }
    return new TestApiServer(etcd, prefix, server);
  }

  /** A new server on the same etcd and prefix, as after a restart. */
  public TestApiServer restart(String... extraFlags) {
    server.close();
    return start(etcd, prefix, extraFlags);
  }

  public String url() {
    return server.url();
  }

  public String prefix() {
    return prefix;
  }

  public EtcdServer etcd() {
    return etcd;
  }

  public ApiServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
