package io.minik8s.client.config;

import io.minik8s.api.Serialization;
import io.minik8s.client.config.Kubeconfig.Cluster;
import io.minik8s.client.config.Kubeconfig.Context;
import io.minik8s.client.config.Kubeconfig.User;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, reads and merges kubeconfig files with clientcmd's loading rules, and resolves one context
 * into a {@link ClientConfig}. The environment and home directory are injected so that the rules
 * are testable.
 *
 * <ol>
 *   <li>An explicit {@code --kubeconfig} file is the only file read, and must exist.
 *   <li>Else every file of {@code $KUBECONFIG} (a {@code :}-separated list; missing files are
 *       skipped), merged first-wins.
 *   <li>Else {@code ~/.kube/config} if it exists.
 * </ol>
 *
 * <p>{@code --master} replaces the server of the chosen cluster (credentials and TLS settings are
 * kept); with no kubeconfig at all it alone configures an unauthenticated client.
 */
public final class KubeconfigLoader {
  private final Map<String, String> env;
  private final Path home;

  public KubeconfigLoader(Map<String, String> env, Path home) {
    this.env = Map.copyOf(env);
    this.home = home;
  }

  /** The files that would be read, in precedence order (existing ones only). */
  public List<Path> files(String explicitPath) {
    if (explicitPath != null && !explicitPath.isEmpty()) {
      Path p = Path.of(explicitPath);
      if (!Files.isRegularFile(p)) {
        throw new ConfigException("stat " + explicitPath + ": no such file or directory");
      }
      return List.of(p);
    }
    String list = env.getOrDefault("KUBECONFIG", "");
    if (!list.isEmpty()) {
      Set<Path> files = new LinkedHashSet<>();
      for (String entry : list.split(File.pathSeparator)) {
        if (!entry.isEmpty() && Files.isRegularFile(Path.of(entry))) {
          files.add(Path.of(entry));
        }
      }
      return List.copyOf(files);
    }
    Path fallback = home.resolve(".kube").resolve("config");
    return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
  }

  /** The merged kubeconfig, relative paths resolved per file. */
  public Kubeconfig merged(String explicitPath) {
    List<Kubeconfig> configs = new ArrayList<>();
    for (Path file : files(explicitPath)) {
      configs.add(read(file));
    }
    return Kubeconfig.merge(configs);
  }

  /** Reads one file, relative paths resolved against its directory. */
  public static Kubeconfig read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return Kubeconfig.EMPTY;
      }
      Kubeconfig k = Serialization.yaml().readValue(bytes, Kubeconfig.class);
      Path dir = file.toAbsolutePath().getParent();
      return k == null ? Kubeconfig.EMPTY : k.resolveAgainst(dir);
    } catch (IOException e) {
      throw new ConfigException("error loading config file \"" + file + "\": " + e.getMessage(), e);
    }
  }

  /**
   * The client config of the given (else the current) context, with the master override.
   *
   * @param explicitPath {@code --kubeconfig}, or null
   * @param master {@code --master}, or null
   * @param contextName {@code --context}, or null for the current context
   */
  public ClientConfig load(String explicitPath, String master, String contextName) {
    Kubeconfig k = merged(explicitPath);
    boolean hasMaster = master != null && !master.isEmpty();
    String name = contextName != null && !contextName.isEmpty() ? contextName : k.currentContext();
    if (name.isEmpty()) {
      if (hasMaster) {
        return ClientConfig.forServer(master);
      }
      throw new ConfigException(
          "invalid configuration: no configuration has been provided, try"
              + " setting KUBERNETES_MASTER environment variable");
    }
    Context context =
        k.context(name)
            .orElseThrow(
                () -> new ConfigException("context was not found for specified context: " + name));
    Cluster cluster = context.cluster() == null ? null : k.cluster(context.cluster()).orElse(null);
    if (cluster == null && !hasMaster) {
      throw new ConfigException(
          "invalid configuration: cluster \""
              + context.cluster()
              + "\" of context \""
              + name
              + "\" was not found");
    }
    String server = hasMaster ? master : cluster.server();
    if (server == null || server.isEmpty()) {
      throw new ConfigException(
          "invalid configuration: no server found for cluster \"" + context.cluster() + "\"");
    }
    User user = context.user() == null ? null : k.user(context.user()).orElse(null);
    String ca =
        cluster == null
            ? null
            : material(cluster.certificateAuthorityData(), cluster.certificateAuthority());
    boolean insecure = cluster != null && cluster.insecureSkipTlsVerify();
    if (insecure && ca != null) {
      throw new ConfigException(
          "invalid configuration: specifying a root certificates file with"
              + " the insecure flag is not allowed");
    }
    ClientConfig config = ClientConfig.forServer(server).withNamespace(context.namespace());
    if (user == null) {
      return config.withTls(ca, null, null, insecure);
    }
    return config
        .withToken(token(user))
        .withTls(
            ca,
            material(user.clientCertificateData(), user.clientCertificate()),
            material(user.clientKeyData(), user.clientKey()),
            insecure);
  }

  private static String token(User user) {
    if (user.token() != null && !user.token().isEmpty()) {
      return user.token();
    }
    if (user.tokenFile() != null && !user.tokenFile().isEmpty()) {
      return readFile(user.tokenFile()).trim();
    }
    return null;
  }

  /** Inline base64 data wins over a file, as in clientcmd. */
  private static String material(String base64Data, String file) {
    if (base64Data != null && !base64Data.isEmpty()) {
      try {
        return new String(Base64.getMimeDecoder().decode(base64Data), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("invalid base64 data in kubeconfig: " + e.getMessage(), e);
      }
    }
    if (file != null && !file.isEmpty()) {
      return readFile(file);
    }
    return null;
  }

  private static String readFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("unable to read " + file + ": " + e.getMessage(), e);
    }
  }
}
