package io.minik8s.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of served resources that every component reads: group/version/resource, kind, Java
 * class, scope, short names and etcd layout. Immutable once built.
 */
public final class ResourceRegistry {

  private final List<ResourceType> types;
  private final Map<String, ResourceType> byGroupVersionResource = new LinkedHashMap<>();
  private final Map<String, ResourceType> byApiVersionKind = new LinkedHashMap<>();
  private final Map<Class<?>, ResourceType> byClass = new LinkedHashMap<>();

  public ResourceRegistry(Collection<ResourceType> types) {
    this.types = List.copyOf(types);
    for (ResourceType t : this.types) {
      put(byGroupVersionResource, gvr(t.group(), t.version(), t.resource()), t);
      put(byApiVersionKind, t.apiVersion() + "/" + t.kind(), t);
      put(byClass, t.type(), t);
    }
  }

  private static <K> void put(Map<K, ResourceType> map, K key, ResourceType t) {
    if (map.putIfAbsent(key, t) != null) {
      throw new IllegalArgumentException("duplicate resource registration: " + key);
    }
  }

  private static String gvr(String group, String version, String resource) {
    return group + "/" + version + "/" + resource;
  }

  /** The resources minik8s serves. */
  public static ResourceRegistry builtIn() {
    return new ResourceRegistry(BuiltInResources.all());
  }

  public List<ResourceType> all() {
    return types;
  }

  /** The resource served at {@code /apis/{group}/{version}/{resource}} ("" group for /api). */
  public Optional<ResourceType> find(String group, String version, String resource) {
    return Optional.ofNullable(byGroupVersionResource.get(gvr(group, version, resource)));
  }

  /** The resource whose objects carry this apiVersion and kind. */
  public Optional<ResourceType> findByKind(String apiVersion, String kind) {
    return Optional.ofNullable(byApiVersionKind.get(apiVersion + "/" + kind));
  }

  /** The resource of this Java class. */
  public Optional<ResourceType> findByClass(Class<? extends HasMetadata> type) {
    return Optional.ofNullable(byClass.get(type));
  }

  /**
   * Resolves what a user types (kubectl style): a plural, singular or short name, or the kind,
   * optionally qualified by group ("deployments.apps"), case-insensitively.
   */
  public Optional<ResourceType> resolve(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String group = null;
    int dot = lower.indexOf('.');
    if (dot > 0) {
      group = lower.substring(dot + 1);
      lower = lower.substring(0, dot);
    }
    for (ResourceType t : types) {
      if (group != null && !t.group().equals(group)) {
        continue;
      }
      if (t.resource().equals(lower)
          || t.singular().equals(lower)
          || t.kind().toLowerCase(Locale.ROOT).equals(lower)
          || t.shortNames().contains(lower)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The distinct API groups served, core ("") first, in registration order. */
  public List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (ResourceType t : types) {
      if (!groups.contains(t.group())) {
        groups.add(t.group());
      }
    }
    return groups;
  }

  /** The resources of one group version, in registration order. */
  public List<ResourceType> inGroupVersion(String group, String version) {
    return types.stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version))
        .toList();
  }

  /** The versions served for a group, preferred first. */
  public List<String> versions(String group) {
    List<String> versions = new ArrayList<>();
    for (ResourceType t : types) {
      if (t.group().equals(group) && !versions.contains(t.version())) {
        versions.add(t.version());
      }
    }
    return versions;
  }
}
