package io.minik8s.client.config;

import java.nio.file.Path;

/**
 * The one-line way a component gets its {@link ClientConfig} from its {@code --kubeconfig} and
 * {@code --master} flags, reading this process's {@code $KUBECONFIG} and home directory (see {@link
 * KubeconfigLoader} for the rules).
 */
public final class ClientConfigs {
  private ClientConfigs() {}

  /**
   * Loads the current context.
   *
   * @param kubeconfigPath {@code --kubeconfig}, or null/empty for $KUBECONFIG or ~/.kube/config
   * @param master {@code --master}, or null/empty; overrides the kubeconfig's server
   * @throws ConfigException when nothing configures a server, or a file is unusable
   */
  public static ClientConfig load(String kubeconfigPath, String master) {
    return load(kubeconfigPath, master, null);
  }

  /** Loads the given context ({@code --context}), or the current one when null. */
  public static ClientConfig load(String kubeconfigPath, String master, String context) {
    return new KubeconfigLoader(System.getenv(), Path.of(System.getProperty("user.home")))
        .load(kubeconfigPath, master, context);
  }
}
