package io.minik8s.testing;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The fallback of {@link EtcdServer} when no etcd binary is installed: a container of the local
 * image {@value #IMAGE} (nothing can be pulled here, so the image must have been built locally).
 */
final class EtcdContainer implements AutoCloseable {
  static final String IMAGE = "minik8s/etcd";
  private static final int CLIENT_PORT = 2379;

  private final GenericContainer<?> container;

  private EtcdContainer(GenericContainer<?> container) {
    this.container = container;
  }

  /** Whether Docker answers and has the image locally. */
  static boolean available() {
    try {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        return false;
      }
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  static EtcdContainer start(List<String> extraFlags) {
    List<String> command = new ArrayList<>();
    List<String> entrypoint =
        List.of(
            nullToEmpty(
                DockerClientFactory.instance()
                    .client()
                    .inspectImageCmd(IMAGE)
                    .exec()
                    .getConfig()
                    .getEntrypoint()));
    // images built FROM scratch may or may not name etcd as their entrypoint
    if (entrypoint.isEmpty()) {
      command.add("etcd");
    }
    command.addAll(
        List.of(
            "--name=minik8s-test",
            "--data-dir=/etcd-data",
            "--listen-client-urls=http://0.0.0.0:" + CLIENT_PORT,
            "--advertise-client-urls=http://127.0.0.1:" + CLIENT_PORT,
            "--log-level=warn"));
    command.addAll(extraFlags);
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withExposedPorts(CLIENT_PORT)
            .withCommand(command.toArray(String[]::new))
            // an HTTP probe from the host: scratch images have no shell for in-container checks
            .waitingFor(
                Wait.forHttp("/health")
                    .forPort(CLIENT_PORT)
                    .withStartupTimeout(Duration.ofSeconds(30)));
    container.start();
    return new EtcdContainer(container);
  }

  String endpoint() {
    return "http://127.0.0.1:" + container.getMappedPort(CLIENT_PORT);
  }

  String etcdctl(String... args) {
    List<String> command = new ArrayList<>(List.of("etcdctl"));
    command.addAll(List.of(args));
    try {
      ExecResult result = container.execInContainer(command.toArray(String[]::new));
      if (result.getExitCode() != 0) {
        throw new IllegalStateException("etcdctl failed: " + result.getStderr());
      }
      return result.getStdout();
    } catch (IOException e) {
      throw new IllegalStateException("etcdctl failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    container.stop();
  }

  private static String[] nullToEmpty(String[] values) {
    return values == null ? new String[0] : values;
  }
}
