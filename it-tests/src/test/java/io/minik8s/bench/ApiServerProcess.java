package io.minik8s.bench;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kube-apiserver as its own JVM, launched as bin/kube-apiserver does (the module's jar plus
 * target/lib), on a free loopback port that this class picks, since --port=0 would not say which.
 */
final class ApiServerProcess implements AutoCloseable {
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);
  private static final int START_ATTEMPTS = 3;
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final String url;
  private final Path log;

  private ApiServerProcess(Process process, String url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts the server and waits until /readyz answers 200.
   *
   * @param home apiserver/target, holding apiserver.jar and lib/
   * @param jvmOptions options of the server's JVM (e.g. its logback configuration)
   * @param flags kube-apiserver flags besides --port and --bind-address
   */
  static ApiServerProcess start(Path home, List<String> jvmOptions, List<String> flags) {
    Path jar = home.resolve("apiserver.jar");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(home.resolve("lib"))) {
      throw new IllegalStateException(jar + " or its lib/ is missing: build the API server first"
          + " (./mvnw -B package -DskipTests -pl apiserver -am)");
    }
    IllegalStateException last = null;
    // the port can be taken between probing it and the server binding it: retry on another
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        return tryStart(home, jar, jvmOptions, flags);
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  private static ApiServerProcess tryStart(Path home, Path jar, List<String> jvmOptions,
      List<String> flags) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + home.resolve("lib") + "/*",
        "io.minik8s.apiserver.ApiServerMain", "--bind-address=127.0.0.1", "--port=" + port));
    command.addAll(flags);
    Path log;
    Process process;
    try {
      log = Files.createTempFile("bench-apiserver", ".log");
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ApiServerProcess server = new ApiServerProcess(process, "http://127.0.0.1:" + port, log);
    try {
      server.awaitReady();
      return server;
    } catch (RuntimeException e) {
      String output = server.logTail();
      server.close();
      throw new IllegalStateException(e.getMessage() + "; API server output:\n" + output, e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/readyz"))
        .timeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("API server exited with " + process.exitValue());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet: poll again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      waitForExit(Duration.ofMillis(100)); // the poll interval, which also notices an early exit
    }
    throw new IllegalStateException("API server at " + url + " not ready within "
        + STARTUP_DEADLINE);
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** Heap in use right after a full GC of the server's JVM (jcmd GC.run, then GC.heap_info). */
  long heapUsedAfterFullGc() {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in jcmd GC.heap_info output:\n" + info);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private void waitForExit(Duration wait) {
    try {
      process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
