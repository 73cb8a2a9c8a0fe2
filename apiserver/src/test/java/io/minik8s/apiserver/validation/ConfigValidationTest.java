package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

  @Test
  void rejectsConfigKeysOutsideUpstreamsCharacterSet() {
    ConfigMap cm = configMap().withData(Map.of("app config", "x")).build();

    assertThat(messages(ConfigValidation.validateConfigMap(cm, true)))
        .containsExactly(
            "data[app config]: Invalid value: \"app config\": a valid config key must consist of"
                + " alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME', "
                + " or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }

  @Test
  void rejectsAKeyPresentInBothDataAndBinaryData() {
    ConfigMap cm =
        configMap().withData(Map.of("k", "x")).withBinaryData(Map.of("k", "eA==")).build();

    assertThat(messages(ConfigValidation.validateConfigMap(cm, true)))
        .containsExactly("data[k]: Invalid value: \"k\": duplicate of key present in binaryData");
  }

  @Test
  void capsAConfigMapAtOneMebibyte() {
    ConfigMap cm = configMap().withData(Map.of("big", "x".repeat(1024 * 1024 + 1))).build();

    assertThat(messages(ConfigValidation.validateConfigMap(cm, true)))
        .containsExactly(": Too long: must have at most 1048576 bytes");
  }

  @Test
  void forbidsChangingTheDataOfAnImmutableConfigMap() {
    ConfigMap old =
        configMap()
            .withMetadata(Fixtures.stored("cfg", "default"))
            .withImmutable(true)
            .withData(Map.of("k", "1"))
            .build();
    ConfigMap updated = new ConfigMapBuilder(old).withData(Map.of("k", "2")).build();

    assertThat(messages(ConfigValidation.validateConfigMapUpdate(updated, old, true)))
        .containsExactly("data: Forbidden: field is immutable when `immutable` is set");
  }

  @Test
  void keepsASecretsTypeOnUpdate() {
    Secret old =
        new SecretBuilder()
            .withMetadata(Fixtures.stored("s", "default"))
            .withType("Opaque")
            .build();
    Secret updated =
        new SecretBuilder(old)
            .withType("kubernetes.io/tls")
            .withData(Map.of("tls.crt", "eA==", "tls.key", "eA=="))
            .build();

    assertThat(messages(ConfigValidation.validateSecretUpdate(updated, old, true)))
        .containsExactly("type: Invalid value: \"kubernetes.io/tls\": field is immutable");
  }

  @Test
  void requiresTheKeysATlsSecretNeeds() {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("tls")
            .withNamespace("default")
            .endMetadata()
            .withType("kubernetes.io/tls")
            .withData(Map.of("tls.crt", "eA=="))
            .build();

    assertThat(messages(ConfigValidation.validateSecret(secret, true)))
        .containsExactly("data[tls.key]: Required value");
  }

  @Test
  void countsDecodedBytesTowardsTheSecretLimit() {
    assertThat(ConfigValidation.base64Length("eA==")).isEqualTo(1);
    assertThat(ConfigValidation.base64Length("eHk=")).isEqualTo(2);
    assertThat(ConfigValidation.base64Length("eHl6")).isEqualTo(3);
  }

  private static ConfigMapBuilder configMap() {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("cfg")
        .withNamespace("default")
        .endMetadata();
  }
}
