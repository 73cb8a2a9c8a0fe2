package io.minik8s.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real etcd for tests: the {@code etcd} binary from {@code $ETCD_BIN} or the PATH, started on
 * free loopback ports with its own temporary data directory; else, when Docker answers, a container
 * of the local image {@code minik8s/etcd} (see {@link EtcdContainer}).
 *
 * <p>Most tests should use {@link #shared()} (one etcd per test JVM) with a unique key prefix per
 * test; {@link #start(String...)} gives a private one, e.g. with extra flags, to be closed by the
 * test.
 */
public final class EtcdServer implements AutoCloseable {
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(30);
  private static final int START_ATTEMPTS = 3;
  private static EtcdServer shared;

  private final String endpoint;
  private final Process process;
  private final Path dir;
  private final EtcdContainer container;

  private EtcdServer(String endpoint, Process process, Path dir, EtcdContainer container) {
    this.endpoint = endpoint;
    this.process = process;
    this.dir = dir;
    this.container = container;
  }

  /**
   * The etcd shared by every test of this JVM, started on first use and stopped when the JVM exits.
   * Tests must not close it; they keep apart by using their own key prefixes.
   */
  public static synchronized EtcdServer shared() {
    if (shared == null) {
      EtcdServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "etcd-shutdown"));
      shared = server;
    }
    return shared;
  }

  /**
   * Starts a private etcd, waiting until it reports healthy.
   *
   * @param extraFlags more etcd flags, e.g. "--auto-compaction-retention=1"
   */
  public static EtcdServer start(String... extraFlags) {
    String binary = etcdBinary();
    if (binary != null) {
      return startProcess(binary, List.of(extraFlags));
    }
    if (EtcdContainer.available()) {
      EtcdContainer container = EtcdContainer.start(List.of(extraFlags));
      return new EtcdServer(container.endpoint(), null, null, container);
    }
    throw new IllegalStateException(
        "etcd not found: put etcd on the PATH (apt-get install etcd-server etcd-client), set"
            + " ETCD_BIN, or build the local Docker image minik8s/etcd");
  }

  /** The client URL, e.g. "http://127.0.0.1:40123". */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Runs {@code etcdctl} (API v3) against this server and returns its standard output.
   *
   * @throws IllegalStateException if etcdctl fails
   */
  public String etcdctl(String... args) {
    String binary = findOnPath(System.getenv("ETCDCTL_BIN"), "etcdctl");
    if (binary == null && container != null) {
      return container.etcdctl(args);
    }
    if (binary == null) {
      throw new IllegalStateException("etcdctl not found: apt-get install etcd-client");
    }
    List<String> command = new ArrayList<>(List.of(binary, "--endpoints=" + endpoint));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("etcdctl", ".out");
      Path err = Files.createTempFile("etcdctl", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ETCDCTL_API", "3");
        Process p = builder.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("etcdctl timed out: " + command);
        }
        if (p.exitValue() != 0) {
          throw new IllegalStateException(
              "etcdctl " + String.join(" ", args) + " failed: " + Files.readString(err));
        }
        return Files.readString(out);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops etcd and deletes its data. */
  @Override
  public synchronized void close() {
    if (container != null) {
      container.close();
      return;
    }
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    deleteRecursively(dir);
  }

  private static EtcdServer startProcess(String binary, List<String> extraFlags) {
    IllegalStateException last = null;
    // a free port can be taken between probing it and etcd binding it: retry on new ports
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        return tryStartProcess(binary, extraFlags);
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  private static EtcdServer tryStartProcess(String binary, List<String> extraFlags) {
    int clientPort = freePort();
    int peerPort = freePort();
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    Path dir;
    try {
      dir = Files.createTempDirectory("minik8s-etcd");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                binary,
                "--name=minik8s-test",
                "--data-dir=" + dir.resolve("data"),
                "--listen-client-urls=" + client,
                "--advertise-client-urls=" + client,
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=minik8s-test=" + peer,
                "--log-level=warn"));
    command.addAll(extraFlags);
    Path log = dir.resolve("etcd.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      deleteRecursively(dir);
      throw new IllegalStateException("cannot run " + binary, e);
    }
    EtcdServer server = new EtcdServer(client, process, dir, null);
    try {
      awaitHealthy(client, process);
      return server;
    } catch (RuntimeException e) {
      String output = readQuietly(log);
      server.close();
      throw new IllegalStateException(e.getMessage() + "; etcd output:\n" + output, e);
    }
  }

  private static void awaitHealthy(String endpoint, Process process) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("etcd exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"true\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet: poll again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for etcd", e);
      }
      try {
        // waiting on the process doubles as the poll interval and notices an early exit
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for etcd", e);
      }
    }
    throw new IllegalStateException(
        "etcd at " + endpoint + " not healthy within " + STARTUP_DEADLINE);
  }

  private static String etcdBinary() {
    return findOnPath(System.getenv("ETCD_BIN"), "etcd");
  }

  private static String findOnPath(String explicit, String name) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
