package io.minik8s.client.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One component JVM started as bin/launch starts it, from its module's build output ({@code
 * <module>/target/<module>.jar} and {@code target/lib/*}), with its output in a log file.
 */
final class ComponentProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ComponentProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code mainClass} of {@code module} with the given flags.
   *
   * @throws IllegalStateException if the module was not packaged
   */
  static ComponentProcess start(String name, String module, String mainClass, List<String> flags)
      throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: package the component modules first"
              + " (./mvnw -q package -DskipTests, or a reactor build that includes "
              + module
              + ")");
    }
    Path logs = root.resolve("it-tests/target/component-logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar + ":" + jar.getParent().resolve("lib") + "/*",
                mainClass));
    command.addAll(flags);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ComponentProcess(name, process, log);
  }

  Process process() {
    return process;
  }

  /** Everything the process wrote so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", log " + log + ")";
  }
}
