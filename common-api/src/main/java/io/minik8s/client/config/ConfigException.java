package io.minik8s.client.config;

/**
 * The client configuration is missing or unusable (no kubeconfig and no --master, an unknown
 * context, an unreadable credential file). Messages follow clientcmd's.
 */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
