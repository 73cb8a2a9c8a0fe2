package io.minik8s.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Upstream manifests survive decoding into the model and encoding again, field for field, and the
 * resource registry resolves names and etcd keys as upstream does.
 */
class RoundTripTest {
  @ParameterizedTest(name = "{0}")
  @FieldSource("io.minik8s.api.Manifests#ALL")
  void aManifestReEncodesToTheSameJsonWithoutDroppingAnyField(String manifest) {
    JsonNode input = Manifests.tree(manifest);

    JsonNode output = Manifests.encode(Manifests.decode(manifest));

    assertThat(output).isEqualTo(input);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("io.minik8s.api.Manifests#ALL")
  void theYamlMapperWritesWhatItReads(String manifest) throws Exception {
    JsonNode input = Manifests.tree(manifest);

    String yaml = Serialization.yaml().writeValueAsString(Manifests.decode(manifest));

    assertThat(Serialization.yaml().readTree(yaml)).isEqualTo(input);
  }

  @ParameterizedTest(name = "{0} is {1}.{2}")
  @CsvSource({
    "po, pods, ''",
    "pod, pods, ''",
    "deploy, deployments, apps",
    "deployments.apps, deployments, apps",
    "Service, services, ''",
    "svc, services, ''",
    "rc, replicationcontrollers, ''",
    "no, nodes, ''",
  })
  void theRegistryResolvesKubectlNames(String name, String resource, String group) {
    ResourceType type = ResourceRegistry.builtIn().resolve(name).orElseThrow();

    assertThat(type.resource()).isEqualTo(resource);
    assertThat(type.group()).isEqualTo(group);
  }

  @ParameterizedTest(name = "{0} {1}/{2} lives at {3}")
  @CsvSource({
    "nodes, '', n1, /registry/minions/n1",
    "services, default, web, /registry/services/specs/default/web",
    "replicationcontrollers, default, rc, /registry/controllers/default/rc",
    "pods, kube-system, p, /registry/pods/kube-system/p",
    "endpoints, default, web, /registry/services/endpoints/default/web",
    "namespaces, '', default, /registry/namespaces/default",
  })
  void etcdKeysFollowUpstreamsLayout(String resource, String namespace, String name, String key) {
    ResourceType type = ResourceRegistry.builtIn().find("", "v1", resource).orElseThrow();

    assertThat(type.etcdKey("/registry", namespace, name)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"deployments, /registry/deployments/default/web"})
  void appsResourcesLiveUnderTheirResourceName(String resource, String key) {
    ResourceType type = ResourceRegistry.builtIn().find("apps", "v1", resource).orElseThrow();

    assertThat(type.etcdKey("/registry", "default", "web")).isEqualTo(key);
  }
}
