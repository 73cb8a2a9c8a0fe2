package io.minik8s.client.leaderelection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A typed client over a map, with the API server's rules that matter to its users: names unique
 * (409 AlreadyExists), optimistic concurrency on resourceVersion (409 Conflict), 404 NotFound;
 * objects are copied in and out. Each {@link #newConnection()} shares the objects but has its own
 * injectable failure (a partitioned process) and call log. PATCH answers 415 unless served, then
 * applies an RFC 7386 merge patch. Thread-safe; for unit tests.
 */
public final class InMemoryResourceClient<T extends HasMetadata> implements ResourceClient<T> {
  private final Class<T> javaType;
  private final ResourceType type;
  private final Server<T> server;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile Supplier<RuntimeException> failure;
  private volatile Runnable beforeNextUpdate;

  /** The objects and revision counter all connections share; also their lock. */
  private static final class Server<T> {
    final Map<String, T> objects = new LinkedHashMap<>();
    long revision = 100;
    boolean servePatch;
  }

  public InMemoryResourceClient(Class<T> javaType) {
    this(javaType, new Server<>());
  }

  private InMemoryResourceClient(Class<T> javaType, Server<T> server) {
    this.javaType = javaType;
    this.type = ResourceRegistry.builtIn().findByClass(javaType).orElseThrow();
    this.server = server;
  }

  /** Another client of the same objects, with its own failures and call log. */
  public InMemoryResourceClient<T> newConnection() {
    return new InMemoryResourceClient<>(javaType, server);
  }

  /**
   * Makes every following call of this connection throw what the supplier gives (nothing when it
   * gives null); a null supplier heals.
   */
  public void failWith(Supplier<RuntimeException> failure) {
    this.failure = failure;
  }

  /** Runs the action at the start of this connection's next update: a writer that comes first. */
  public void beforeNextUpdate(Runnable action) {
    this.beforeNextUpdate = action;
  }

  /** Whether PATCH is served (else 415, as by a server without PATCH). */
  public void servePatch(boolean serve) {
    synchronized (server) {
      server.servePatch = serve;
    }
  }

  /** The verbs this connection called so far, e.g. ["get", "create", "update"]. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The stored objects, copied. */
  public List<T> stored() {
    synchronized (server) {
      return server.objects.values().stream().map(this::copy).toList();
    }
  }

  /** Replaces an object behind every client's back (another writer), bumping its version. */
  public void overwrite(T object) {
    synchronized (server) {
      T stored = copy(object);
      stored.getMetadata().setResourceVersion(String.valueOf(++server.revision));
      server.objects.put(keyOf(stored), stored);
    }
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public T get(String namespace, String name) {
    return find(namespace, name)
        .orElseThrow(() -> ApiException.notFound(type.group(), type.resource(), name));
  }

  @Override
  public Optional<T> find(String namespace, String name) {
    call("get");
    synchronized (server) {
      return Optional.ofNullable(server.objects.get(key(namespace, name))).map(this::copy);
    }
  }

  @Override
  public ListPage<T> list(String namespace, ListOptions options) {
    call("list");
    synchronized (server) {
      List<T> items =
          server.objects.values().stream()
              .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
              .map(this::copy)
              .toList();
      return new ListPage<>(items, String.valueOf(server.revision), null);
    }
  }

  @Override
  public ListPage<T> listAll(String namespace, ListOptions options) {
    return list(namespace, options);
  }

  @Override
  public T create(T object) {
    call("create");
    synchronized (server) {
      T stored = copy(object);
      if (server.objects.containsKey(keyOf(stored))) {
        throw ApiException.alreadyExists(
            type.group(), type.resource(), object.getMetadata().getName());
      }
      stored.getMetadata().setResourceVersion(String.valueOf(++server.revision));
      stored.getMetadata().setUid("uid-" + server.revision);
      server.objects.put(keyOf(stored), stored);
      return copy(stored);
    }
  }

  @Override
  public T update(T object) {
    call("update");
    Runnable first = beforeNextUpdate;
    if (first != null) {
      beforeNextUpdate = null;
      first.run();
    }
    synchronized (server) {
      String name = object.getMetadata().getName();
      T current = server.objects.get(keyOf(object));
      if (current == null) {
        throw ApiException.notFound(type.group(), type.resource(), name);
      }
      String rv = object.getMetadata().getResourceVersion();
      if (rv != null && !rv.equals(current.getMetadata().getResourceVersion())) {
        throw ApiException.modified(type.group(), type.resource(), name);
      }
      T stored = copy(object);
      stored.getMetadata().setResourceVersion(String.valueOf(++server.revision));
      stored.getMetadata().setUid(current.getMetadata().getUid());
      server.objects.put(keyOf(stored), stored);
      return copy(stored);
    }
  }

  @Override
  public T updateStatus(T object) {
    return update(object);
  }

  @Override
  public T patch(String namespace, String name, PatchType patchType, String patch) {
    call("patch");
    synchronized (server) {
      if (!server.servePatch) {
        throw new ApiException(
            ApiException.failure(415, "UnsupportedMediaType", "patch is not served here", null));
      }
      T current = server.objects.get(key(namespace, name));
      if (current == null) {
        throw ApiException.notFound(type.group(), type.resource(), name);
      }
      try {
        JsonNode merged =
            merge(Serialization.json().valueToTree(current), Serialization.json().readTree(patch));
        T stored = Serialization.json().treeToValue(merged, javaType);
        stored.getMetadata().setResourceVersion(String.valueOf(++server.revision));
        server.objects.put(key(namespace, name), stored);
        return copy(stored);
      } catch (IOException e) {
        throw ApiException.badRequest(e.getMessage());
      }
    }
  }

  @Override
  public Optional<T> delete(String namespace, String name, DeleteOptions options) {
    call("delete");
    synchronized (server) {
      T removed = server.objects.remove(key(namespace, name));
      if (removed == null) {
        throw ApiException.notFound(type.group(), type.resource(), name);
      }
      return Optional.of(removed);
    }
  }

  @Override
  public Watch watch(String namespace, ListOptions options, WatchListener<T> listener) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<T> deleteCollection(
      String namespace, ListOptions options, DeleteOptions deleteOptions) {
    throw new UnsupportedOperationException();
  }

  private void call(String verb) {
    calls.add(verb);
    Supplier<RuntimeException> f = failure;
    RuntimeException e = f == null ? null : f.get();
    if (e != null) {
      throw e;
    }
  }

  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : Serialization.json().createObjectNode();
    patch
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                result.remove(e.getKey());
              } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
              }
            });
    return result;
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  private static String keyOf(HasMetadata o) {
    return key(o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  private T copy(T object) {
    try {
      return Serialization.json()
          .readValue(Serialization.json().writeValueAsBytes(object), javaType);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
