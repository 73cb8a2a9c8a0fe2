package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.minik8s.client.ResourceClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ConfigMap writes made through a client, each written down per key the way {@link KeyedRecorder}
 * reports it, so that a test compares what an informer saw with what was done.
 */
final class History {
  private final String namespace;
  private final Map<String, List<String>> expected = new HashMap<>();
  private final Map<String, String> versions = new HashMap<>();

  History(String namespace) {
    this.namespace = namespace;
  }

  String create(ResourceClient<ConfigMap> client, String name) {
    ConfigMap created = client.create(configMap(name, "0"));
    String rv = created.getMetadata().getResourceVersion();
    expect(name, "ADDED@" + rv);
    versions.put(name, rv);
    return rv;
  }

  String update(ResourceClient<ConfigMap> client, String name, String value) {
    ConfigMap changed = configMap(name, value);
    String rv = client.update(changed).getMetadata().getResourceVersion();
    expect(name, "MODIFIED@" + versions.get(name) + "->" + rv);
    versions.put(name, rv);
    return rv;
  }

  void delete(ResourceClient<ConfigMap> client, String name) {
    client.delete(namespace, name, null);
    expect(name, "DELETED");
    versions.remove(name);
  }

  /** Adds a line the test expects instead of what the writes alone imply (e.g. after a re-list). */
  void expect(String name, String line) {
    expected.computeIfAbsent(namespace + "/" + name, k -> new ArrayList<>()).add(line);
  }

  /** Drops the lines expected for the key so far. */
  void forget(String name) {
    expected.remove(namespace + "/" + name);
  }

  String version(String name) {
    return versions.get(name);
  }

  /** Remembers a version the test learned itself (e.g. from a write it made elsewhere). */
  void version(String name, String rv) {
    versions.put(name, rv);
  }

  Map<String, List<String>> expected() {
    Map<String, List<String>> copy = new TreeMap<>();
    expected.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  private ConfigMap configMap(String name, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withData(Map.of("v", value))
        .build();
  }
}
