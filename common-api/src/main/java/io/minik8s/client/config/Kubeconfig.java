package io.minik8s.client.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kubeconfig file in upstream's format (clientcmd/api/v1 Config): named clusters, users and
 * contexts and the current context. Fields minik8s does not use (preferences, extensions, exec
 * plugins) are ignored when read.
 *
 * @param clusters where the API servers are and how to trust them
 * @param users credentials (upstream: AuthInfos)
 * @param contexts cluster + user + default namespace triples
 * @param currentContext the context used unless another is asked for
 */
public record Kubeconfig(
    List<NamedCluster> clusters,
    List<NamedUser> users,
    List<NamedContext> contexts,
    @JsonProperty("current-context") String currentContext) {

  public Kubeconfig {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    users = users == null ? List.of() : List.copyOf(users);
    contexts = contexts == null ? List.of() : List.copyOf(contexts);
    currentContext = currentContext == null ? "" : currentContext;
  }

  public static final Kubeconfig EMPTY = new Kubeconfig(null, null, null, null);

  /** One cluster entry. */
  public record NamedCluster(String name, Cluster cluster) {}

  /** How to reach and trust one API server. */
  public record Cluster(
      String server,
      @JsonProperty("certificate-authority") String certificateAuthority,
      @JsonProperty("certificate-authority-data") String certificateAuthorityData,
      @JsonProperty("insecure-skip-tls-verify") boolean insecureSkipTlsVerify) {

    Cluster resolve(Path dir) {
      return new Cluster(
          server,
          Kubeconfig.resolve(dir, certificateAuthority),
          certificateAuthorityData,
          insecureSkipTlsVerify);
    }
  }

  /** One user entry. */
  public record NamedUser(String name, User user) {}

  /** One user's credentials. */
  public record User(
      String token,
      String tokenFile,
      @JsonProperty("client-certificate") String clientCertificate,
      @JsonProperty("client-certificate-data") String clientCertificateData,
      @JsonProperty("client-key") String clientKey,
      @JsonProperty("client-key-data") String clientKeyData) {

    User resolve(Path dir) {
      return new User(
          token,
          Kubeconfig.resolve(dir, tokenFile),
          Kubeconfig.resolve(dir, clientCertificate),
          clientCertificateData,
          Kubeconfig.resolve(dir, clientKey),
          clientKeyData);
    }
  }

  /** One context entry. */
  public record NamedContext(String name, Context context) {}

  /** A cluster, a user and a default namespace. */
  public record Context(String cluster, String user, String namespace) {}

  public Optional<Cluster> cluster(String name) {
    return clusters.stream()
        .filter(c -> c.name().equals(name))
        .map(NamedCluster::cluster)
        .filter(c -> c != null)
        .findFirst();
  }

  public Optional<User> user(String name) {
    return users.stream()
        .filter(u -> u.name().equals(name))
        .map(NamedUser::user)
        .filter(u -> u != null)
        .findFirst();
  }

  public Optional<Context> context(String name) {
    return contexts.stream()
        .filter(c -> c.name().equals(name))
        .map(NamedContext::context)
        .filter(c -> c != null)
        .findFirst();
  }

  /**
   * This file with its relative file references (certificate-authority, client-certificate,
   * client-key, tokenFile) made absolute against the directory of the file it came from, as
   * clientcmd does before merging.
   */
  public Kubeconfig resolveAgainst(Path dir) {
    return new Kubeconfig(
        clusters.stream()
            .map(
                c ->
                    new NamedCluster(
                        c.name(), c.cluster() == null ? null : c.cluster().resolve(dir)))
            .toList(),
        users.stream()
            .map(u -> new NamedUser(u.name(), u.user() == null ? null : u.user().resolve(dir)))
            .toList(),
        contexts,
        currentContext);
  }

  /**
   * Merges files in precedence order as clientcmd does for {@code $KUBECONFIG}: the first file to
   * define a cluster, user or context name wins, and so does the first non-empty current-context.
   */
  public static Kubeconfig merge(List<Kubeconfig> files) {
    Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    Map<String, NamedUser> users = new LinkedHashMap<>();
    Map<String, NamedContext> contexts = new LinkedHashMap<>();
    String current = "";
    for (Kubeconfig f : files) {
      putAll(clusters, f.clusters(), NamedCluster::name);
      putAll(users, f.users(), NamedUser::name);
      putAll(contexts, f.contexts(), NamedContext::name);
      if (current.isEmpty()) {
        current = f.currentContext();
      }
    }
    return new Kubeconfig(
        new ArrayList<>(clusters.values()),
        new ArrayList<>(users.values()),
        new ArrayList<>(contexts.values()),
        current);
  }

  private static <T> void putAll(Map<String, T> into, List<T> entries, Function<T, String> name) {
    for (T e : entries) {
      if (name.apply(e) != null) {
        into.putIfAbsent(name.apply(e), e);
      }
    }
  }

  private static String resolve(Path dir, String file) {
    if (file == null || file.isEmpty() || dir == null) {
      return file;
    }
    return dir.resolve(file).normalize().toString();
  }
}
