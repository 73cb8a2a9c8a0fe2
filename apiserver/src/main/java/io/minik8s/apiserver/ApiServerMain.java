package io.minik8s.apiserver;

import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** bin/kube-apiserver: parses flags, starts the server, stops it on SIGTERM. */
public final class ApiServerMain {
  private ApiServerMain() {}

  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    ApiServerOptions options = new ApiServerOptions();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      cli.usage(System.err);
      System.exit(2);
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      return;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(System.out);
      return;
    }
    ApiServer server = new ApiServer(options);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    server.start();
    server.awaitTermination();
  }
}
