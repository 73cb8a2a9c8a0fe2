package io.minik8s.client.component;

import io.minik8s.api.GoDuration;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs a {@link Component} as a process: parses its flags (exit code 2 on a usage error), sets up
 * logging from {@code -v}, builds the client and waits up to {@code connectTimeout} for the API
 * server's {@code /version} (as kube-controller-manager waits for the server to be healthy), starts
 * the health and metrics listeners and then the component, and on SIGTERM stops everything in
 * reverse order. {@code /readyz} fails from the moment the stop begins (upstream's "shutdown"
 * check).
 */
public final class ComponentRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentRuntime.class);

  /** The Kubernetes version minik8s' components report, as the API server's /version does. */
  public static final String KUBERNETES_VERSION = "v1.32.4";

  private final Clock clock;
  private final ApiConnector connector;
  private final Duration connectTimeout;
  private final Consumer<Thread> shutdownHooks;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param connector builds the client and asks the server's version
   * @param connectTimeout how long to keep asking an API server that does not answer yet
   * @param shutdownHooks registers the SIGTERM hook ({@code Runtime::addShutdownHook} in a process;
   *     tests keep the thread and run it themselves)
   * @param out where help goes
   * @param err where usage errors go
   */
  public ComponentRuntime(
      Clock clock,
      ApiConnector connector,
      Duration connectTimeout,
      Consumer<Thread> shutdownHooks,
      PrintStream out,
      PrintStream err) {
    this.clock = clock;
    this.connector = connector;
    this.connectTimeout = connectTimeout;
    this.shutdownHooks = shutdownHooks;
    this.out = out;
    this.err = err;
  }

  /** The runtime of a real process: the HTTP client, 10 s to reach the server, JVM hooks. */
  public static ComponentRuntime standard() {
    return new ComponentRuntime(
        Clock.systemUTC(),
        new RestApiConnector(),
        Duration.ofSeconds(10),
        Runtime.getRuntime()::addShutdownHook,
        System.out,
        System.err);
  }

  /**
   * Runs the component until it is stopped and answers the process' exit code: 0 after help or a
   * stop, 2 for a usage error, 1 if it could not start, or the code given to {@link
   * ComponentContext#shutdown}. On SIGTERM the JVM exits (143) once the stop is done.
   */
  public int run(Component component, String... args) {
    CommandLine cli = new CommandLine(component);
    String name = cli.getCommandName();
    if (!component.acceptsMaster()) {
      CommandSpec spec = cli.getCommandSpec();
      spec.remove(spec.findOption("--master"));
    }
    try {
      cli.parseArgs(args);
      if (cli.isUsageHelpRequested()) {
        cli.usage(out);
        return 0;
      }
      if (cli.isVersionHelpRequested()) {
        cli.printVersionHelp(out);
        return 0;
      }
      component.componentOptions().validate();
      component.validate();
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      cli.usage(err);
      return 2;
    }
    ComponentOptions options = component.componentOptions();
    Logging.configure(options.verbosity());
    if (options.verbosity() >= 1) {
      // upstream components log every flag at -v=1
      for (OptionSpec option : cli.getCommandSpec().options()) {
        LOG.info("FLAG: {}=\"{}\"", option.longestName(), flagValue(option.getValue()));
      }
    }
    return new ComponentRun(name, clock, connector, connectTimeout, shutdownHooks).start(component);
  }

  /** A flag's value as upstream prints it: Go durations, lists comma-separated, "" for unset. */
  static String flagValue(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Duration d) {
      return GoDuration.format(d);
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d.longValue()); // "20", as Go prints a float32 flag
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(ComponentRuntime::flagValue).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }
}
