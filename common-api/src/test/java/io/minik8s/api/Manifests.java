package io.minik8s.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The upstream example manifests under src/test/resources/manifests, decoded as the server would.
 */
public final class Manifests {
  /** Every manifest, the expected output of defaulting included. */
  public static final List<String> ALL =
      List.of(
          "nginx-deployment.yaml",
          "nginx-deployment-defaulted.yaml",
          "frontend-replicaset.yaml",
          "nginx-replicationcontroller.yaml",
          "my-service.yaml",
          "nodeport-service.yaml",
          "endpointslice.yaml",
          "security-context-pod.yaml",
          "init-containers-pod.yaml",
          "node-affinity-pod.yaml",
          "pod-affinity-pod.yaml",
          "topology-spread-pod.yaml",
          "resources-pod.yaml",
          "http-liveness-pod.yaml",
          "dapi-envars-pod.yaml",
          "kitchen-sink-pod.yaml");

  private static final ResourceRegistry REGISTRY = ResourceRegistry.builtIn();

  private Manifests() {}

  /** The manifest as a YAML tree, exactly as written. */
  public static JsonNode tree(String name) {
    try (InputStream in = open(name)) {
      return Serialization.yaml().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest decoded into the model class the registry names for its apiVersion and kind. */
  public static HasMetadata decode(String name) {
    JsonNode tree = tree(name);
    String apiVersion = tree.path("apiVersion").asText();
    String kind = tree.path("kind").asText();
    Class<? extends HasMetadata> type =
        REGISTRY
            .findByKind(apiVersion, kind)
            .orElseThrow(
                () -> new IllegalArgumentException("not served: " + apiVersion + " " + kind))
            .type();
    try (InputStream in = open(name)) {
      return Serialization.yaml().readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An object encoded to JSON by the shared mapper and read back as a tree. */
  public static JsonNode encode(Object object) {
    try {
      return Serialization.json().readTree(Serialization.json().writeValueAsString(object));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Manifests.class.getResourceAsStream("/manifests/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no manifest " + name);
    }
    return in;
  }
}
