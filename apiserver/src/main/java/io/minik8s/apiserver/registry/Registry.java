package io.minik8s.apiserver.registry;

import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import java.util.Map;

/** The served resources and the store of each. */
public final class Registry {
  private final ResourceRegistry types;
  private final Map<ResourceType, GenericStore> stores;

  public Registry(ResourceRegistry types, Map<ResourceType, GenericStore> stores) {
    this.types = types;
    this.stores = Map.copyOf(stores);
  }

  public ResourceRegistry types() {
    return types;
  }

  public GenericStore store(ResourceType type) {
    GenericStore store = stores.get(type);
    if (store == null) {
      throw ApiException.notFoundPath();
    }
    return store;
  }

  /** The store of a resource by group and plural name, e.g. ("", "pods"). */
  public GenericStore store(String group, String resource) {
    return types.all().stream()
        .filter(t -> t.group().equals(group) && t.resource().equals(resource))
        .findFirst()
        .map(this::store)
        .orElseThrow(ApiException::notFoundPath);
  }
}
