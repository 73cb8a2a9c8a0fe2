package io.minik8s.client.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

  @ParameterizedTest
  @CsvSource(
      value = {"default/web-1, default, web-1", "node-1, NULL, node-1"},
      nullValues = "NULL")
  void parsesAndFormatsNamespaceSlashNameKeys(String key, String namespace, String name) {
    ObjectKey parsed = ObjectKey.parse(key);

    assertThat(parsed).isEqualTo(new ObjectKey(namespace, name));
    assertThat(parsed.format()).isEqualTo(key);
    assertThat(parsed).hasToString(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b/c", "/name", "ns/", ""})
  void rejectsMalformedKeys(String key) {
    assertThatThrownBy(() -> ObjectKey.parse(key)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void takesAnEmptyNamespaceForClusterScope() {
    assertThat(new ObjectKey("", "node-1")).isEqualTo(ObjectKey.of("node-1"));
  }

  @Test
  void isTheKeyOfAnObjectsMetadata() {
    assertThat(
            ObjectKey.of(
                new PodBuilder()
                    .withNewMetadata()
                    .withNamespace("ns")
                    .withName("p")
                    .endMetadata()
                    .build()))
        .hasToString("ns/p");
    assertThat(
            ObjectKey.of(new NodeBuilder().withNewMetadata().withName("n").endMetadata().build()))
        .hasToString("n");
  }

  @Test
  void resultsSayWhatToDoNext() {
    assertThat(Result.done()).isEqualTo(new Result(false, null));
    assertThat(Result.requeue().requeueWithBackoff()).isTrue();
    assertThat(Result.requeueAfter(Duration.ofSeconds(3)).requeueAfter())
        .isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> Result.requeueAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
