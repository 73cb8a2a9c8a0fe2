package io.minik8s.client.component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.ILoggerFactory;

/**
 * Logback specifics of {@link Logging}, in their own class so that nothing loads them unless
 * Logback is the SLF4J backend.
 */
final class LogbackSetup {
  /** klog's header: level letter, MMdd time, then the thread and logger instead of file:line. */
  static final String PATTERN = "%.-1level%d{MMdd HH:mm:ss.SSS} %thread %logger{0}] %msg%n";

  private static final String MINIK8S = "io.minik8s";

  private LogbackSetup() {}

  static void apply(ILoggerFactory factory, int verbosity) {
    LoggerContext context = (LoggerContext) factory;
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!configuredByFile()) {
      // Logback's fallback logs everything at DEBUG on stdout; components log as klog does
      root.detachAndStopAllAppenders();
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern(PATTERN);
      encoder.start();
      ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
      stderr.setContext(context);
      stderr.setName("stderr");
      stderr.setTarget("System.err");
      stderr.setEncoder(encoder);
      stderr.start();
      root.addAppender(stderr);
      root.setLevel(toLogback(Verbosity.libraryLevel(verbosity)));
    }
    context.getLogger(MINIK8S).setLevel(toLogback(Verbosity.level(verbosity)));
  }

  /** Whether logback.xml, logback-test.xml or -Dlogback.configurationFile configured Logback. */
  static boolean configuredByFile() {
    return System.getProperty("logback.configurationFile") != null
        || LogbackSetup.class.getClassLoader().getResource("logback.xml") != null
        || LogbackSetup.class.getClassLoader().getResource("logback-test.xml") != null;
  }

  private static Level toLogback(org.slf4j.event.Level level) {
    return Level.toLevel(level.toString());
  }
}
