package io.minik8s.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clientcmd's loading rules over temporary files, with an injected environment and home. */
class KubeconfigLoaderTest {
  @TempDir Path dir;

  private static final String TWO_CONTEXTS =
      """
      apiVersion: v1
      kind: Config
      current-context: dev
      preferences: {}
      clusters:
      - name: local
        cluster:
          server: https://127.0.0.1:6443
          certificate-authority: pki/ca.crt
          extensions: []
      - name: plain
        cluster:
          server: http://127.0.0.1:8080
      users:
      - name: admin
        user:
          client-certificate: pki/admin.crt
          client-key: pki/admin.key
      - name: robot
        user:
          tokenFile: robot.token
      contexts:
      - name: dev
        context: {cluster: local, user: admin, namespace: team-a}
      - name: ci
        context: {cluster: plain, user: robot}
      """;

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private KubeconfigLoader loader(Map<String, String> env) {
    return new KubeconfigLoader(env, dir.resolve("home"));
  }

  private Path twoContexts() throws IOException {
    write("cfg/pki/ca.crt", "CA PEM");
    write("cfg/pki/admin.crt", "CERT PEM");
    write("cfg/pki/admin.key", "KEY PEM");
    write("cfg/robot.token", "tok-123\n");
    return write("cfg/config", TWO_CONTEXTS);
  }

  @Test
  void theCurrentContextPicksClusterUserAndNamespaceWithFilesRelativeToTheKubeconfig()
      throws IOException {
    Path file = twoContexts();
    ClientConfig c = loader(Map.of()).load(file.toString(), null, null);
    assertThat(c.server()).isEqualTo("https://127.0.0.1:6443");
    assertThat(c.namespace()).isEqualTo("team-a");
    assertThat(c.caCertPem()).isEqualTo("CA PEM");
    assertThat(c.clientCertPem()).isEqualTo("CERT PEM");
    assertThat(c.clientKeyPem()).isEqualTo("KEY PEM");
    assertThat(c.token()).isNull();
    assertThat(c.qps()).isEqualTo(ClientConfig.DEFAULT_QPS);
    assertThat(c.burst()).isEqualTo(ClientConfig.DEFAULT_BURST);
  }

  @Test
  void anotherContextCanBeChosenAndATokenFileIsRead() throws IOException {
    ClientConfig c = loader(Map.of()).load(twoContexts().toString(), null, "ci");
    assertThat(c.server()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.token()).isEqualTo("tok-123");
    assertThat(c.namespace()).isEqualTo("default");
  }

  @Test
  void inlineDataWinsOverFilesAndIsBase64Decoded() throws IOException {
    String b64 = Base64.getEncoder().encodeToString("INLINE CA".getBytes());
    Path file =
        write(
            "inline",
            """
            current-context: x
            clusters:
            - name: c
              cluster:
                server: https://10.0.0.1:6443
                certificate-authority: /does/not/exist
                certificate-authority-data: %s
            users:
            - name: u
              user:
                token: inline-token
                tokenFile: /does/not/exist
                client-certificate-data: %s
                client-key-data: %s
            contexts:
            - name: x
              context: {cluster: c, user: u}
            """
                .formatted(
                    b64,
                    Base64.getEncoder().encodeToString("C".getBytes()),
                    Base64.getEncoder().encodeToString("K".getBytes())));
    ClientConfig c = loader(Map.of()).load(file.toString(), null, null);
    assertThat(c.caCertPem()).isEqualTo("INLINE CA");
    assertThat(c.clientCertPem()).isEqualTo("C");
    assertThat(c.clientKeyPem()).isEqualTo("K");
    assertThat(c.token()).isEqualTo("inline-token");
  }

  @Test
  void masterOverridesTheServerButKeepsTheCredentials() throws IOException {
    ClientConfig c =
        loader(Map.of()).load(twoContexts().toString(), "https://127.0.0.5:7443", null);
    assertThat(c.server()).isEqualTo("https://127.0.0.5:7443");
    assertThat(c.clientCertPem()).isEqualTo("CERT PEM");
  }

  @Test
  void masterAloneConfiguresAnAnonymousClient() {
    ClientConfig c = loader(Map.of()).load(null, "http://127.0.0.1:8080/", null);
    assertThat(c.server()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.token()).isNull();
    assertThat(c.caCertPem()).isNull();
  }

  @Test
  void nothingConfiguredIsAnError() {
    assertThatThrownBy(() -> loader(Map.of()).load(null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no configuration has been provided");
  }

  @Test
  void anExplicitKubeconfigMustExistAndIsTheOnlyFileRead() throws IOException {
    Path other =
        write("other", TWO_CONTEXTS.replace("current-context: dev", "current-context: ci"));
    assertThatThrownBy(
            () ->
                loader(Map.of("KUBECONFIG", other.toString()))
                    .load(dir.resolve("missing").toString(), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such file");
    Path explicit = twoContexts();
    assertThat(loader(Map.of("KUBECONFIG", other.toString())).files(explicit.toString()))
        .containsExactly(explicit);
  }

  @Test
  void kubeconfigFilesMergeWithTheFirstDefinitionWinning() throws IOException {
    Path first =
        write(
            "a/config",
            """
            clusters:
            - name: shared
              cluster: {server: "https://first:6443", insecure-skip-tls-verify: true}
            users:
            - name: u
              user: {token: first-token}
            contexts:
            - name: ctx
              context: {cluster: shared, user: u, namespace: from-first}
            """);
    Path second =
        write(
            "b/config",
            """
            current-context: ctx
            clusters:
            - name: shared
              cluster: {server: "https://second:6443"}
            - name: only-second
              cluster: {server: "https://second-only:6443"}
            users:
            - name: u
              user: {token: second-token}
            contexts:
            - name: ctx
              context: {cluster: only-second, user: u}
            - name: ctx2
              context: {cluster: only-second, user: u}
            """);
    String list = first + ":" + dir.resolve("missing") + "::" + second;
    KubeconfigLoader loader = loader(Map.of("KUBECONFIG", list));
    assertThat(loader.files(null)).containsExactly(first, second);

    ClientConfig c = loader.load(null, null, null);
    assertThat(c.server())
        .as("ctx and cluster 'shared' come from the first file")
        .isEqualTo("https://first:6443");
    assertThat(c.insecureSkipTlsVerify()).isTrue();
    assertThat(c.token()).isEqualTo("first-token");
    assertThat(c.namespace()).isEqualTo("from-first");
    assertThat(loader.load(null, null, "ctx2").server()).isEqualTo("https://second-only:6443");
  }

  @Test
  void theFirstFileSettingCurrentContextWins() throws IOException {
    String base = TWO_CONTEXTS.replace("current-context: dev\n", "");
    twoContexts();
    Path a = write("cfg/a", "current-context: ci\n");
    Path b = write("cfg/b", "current-context: dev\n" + base);
    ClientConfig c = loader(Map.of("KUBECONFIG", a + ":" + b)).load(null, null, null);
    assertThat(c.server()).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void withoutKubeconfigVariableTheHomeConfigIsRead() throws IOException {
    assertThat(loader(Map.of()).files(null)).isEmpty();
    Path home =
        write(
            "home/.kube/config",
            "current-context: x\nclusters:\n- name: c\n"
                + "  cluster: {server: \"https://home:6443\"}\ncontexts:\n- name: x\n"
                + "  context: {cluster: c}\n");
    assertThat(loader(Map.of()).files(null)).containsExactly(home);
    assertThat(loader(Map.of()).load(null, null, null).server()).isEqualTo("https://home:6443");
    assertThat(loader(Map.of("KUBECONFIG", dir.resolve("none").toString())).files(null))
        .as("a set $KUBECONFIG replaces ~/.kube/config")
        .isEmpty();
  }

  @Test
  void unknownContextsClustersAndUnreadableFilesAreErrors() throws IOException {
    Path file = twoContexts();
    assertThatThrownBy(() -> loader(Map.of()).load(file.toString(), null, "nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("context was not found");
    Path dangling =
        write(
            "dangling",
            "current-context: x\ncontexts:\n- name: x\n" + "  context: {cluster: ghost}\n");
    assertThatThrownBy(() -> loader(Map.of()).load(dangling.toString(), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ghost");
    Files.delete(dir.resolve("cfg/pki/admin.key"));
    assertThatThrownBy(() -> loader(Map.of()).load(file.toString(), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.key");
  }

  @Test
  void insecureSkipVerifyWithACaIsRejectedAsClientcmdDoes() throws IOException {
    Path file =
        write(
            "both",
            """
            current-context: x
            clusters:
            - name: c
              cluster: {server: "https://a:1", insecure-skip-tls-verify: true,
                        certificate-authority-data: Q0E=}
            contexts:
            - name: x
              context: {cluster: c}
            """);
    assertThatThrownBy(() -> loader(Map.of()).load(file.toString(), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("insecure");
  }

  @Test
  void anEmptyFileIsAnEmptyConfig() throws IOException {
    Path empty = write("empty", "");
    assertThat(KubeconfigLoader.read(empty)).isEqualTo(Kubeconfig.EMPTY);
  }
}
