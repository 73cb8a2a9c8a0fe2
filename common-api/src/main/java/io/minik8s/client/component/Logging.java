package io.minik8s.client.component;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sets up a component's logging: SLF4J through Logback when the component ships Logback (every
 * component module does; common-api depends on it only optionally), JUL bridged to SLF4J, levels
 * from {@code -v}.
 */
final class Logging {
  private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";
  private static final String JUL_BRIDGE = "org.slf4j.bridge.SLF4JBridgeHandler";

  private Logging() {}

  /** Applies the verbosity; replaces Logback's DEBUG-everything default unless a file is given. */
  static void configure(int verbosity) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    // the check by name keeps Logback's classes unloaded when it is not on the class path
    if (factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
      LogbackSetup.apply(factory, verbosity);
    }
    if (isPresent(JUL_BRIDGE)) {
      JulBridge.install();
    }
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, Logging.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Kept apart so that its import of the bridge is only resolved when the bridge exists. */
  private static final class JulBridge {
    static void install() {
      org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
      org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
  }
}
