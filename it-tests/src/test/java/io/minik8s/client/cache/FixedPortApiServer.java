package io.minik8s.client.cache;

import io.minik8s.apiserver.ApiServer;
import io.minik8s.apiserver.ApiServerOptions;
import io.minik8s.testing.EtcdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * A real API server that comes back on the same port after a restart, so that a client keeps its
 * URL (TestApiServer picks a new free port each start, and picocli refuses a second --port).
 */
final class FixedPortApiServer implements AutoCloseable {
  private final EtcdServer etcd;
  private final String prefix;
  private final int port;
  private ApiServer server;

  private FixedPortApiServer(EtcdServer etcd, String prefix, int port) {
    this.etcd = etcd;
    this.prefix = prefix;
    this.port = port;
  }

  /** Starts a server on a free port, on the given etcd and key prefix. */
  static FixedPortApiServer start(EtcdServer etcd, String prefix) {
    FixedPortApiServer s = new FixedPortApiServer(etcd, prefix, freePort());
    s.server = launch(etcd, prefix, s.port);
    return s;
  }

  /** Another server on any free port, sharing this one's etcd and prefix. */
  ApiServer sibling() {
    return launch(etcd, prefix, 0);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void stop() {
    server.close();
  }

  /** Starts the server again on the same port (after {@link #stop}). */
  void startAgain() {
    server = launch(etcd, prefix, port);
  }

  @Override
  public void close() {
    server.close();
  }

  static ApiServer launch(EtcdServer etcd, String prefix, int port) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--etcd-servers=" + etcd.endpoint(),
                "--etcd-prefix=" + prefix,
                "--bind-address=127.0.0.1",
                "--port=" + port,
                "--service-cluster-ip-range=127.96.0.0/16",
                "--etcd-compaction-interval=0"));
    ApiServerOptions options = new ApiServerOptions();
    new CommandLine(options).parseArgs(args.toArray(String[]::new));
    ApiServer started = new ApiServer(options);
    try {
      started.start();
    } catch (Exception e) {
      started.close();
      throw new IllegalStateException("API server did not start", e);
    }
    return started;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
