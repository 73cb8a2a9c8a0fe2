package io.minik8s.client.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The typed client of one resource over {@link RestClient}: paths, JSON bodies, lists, watches. */
final class RestResourceClient<T extends HasMetadata> implements ResourceClient<T> {
  private static final String JSON = "application/json";

  private final RestClient rest;
  private final ResourceType type;
  private final Class<T> javaType;
  private final String defaultNamespace;
  private final Watches watches;

  RestResourceClient(
      RestClient rest,
      ResourceType type,
      Class<T> javaType,
      String defaultNamespace,
      Watches watches) {
    this.rest = rest;
    this.type = type;
    this.javaType = javaType;
    this.defaultNamespace = defaultNamespace;
    this.watches = watches;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public T get(String namespace, String name) {
    return decode(rest.send("GET", RequestPaths.item(type, namespace, name), null, null).body());
  }

  @Override
  public Optional<T> find(String namespace, String name) {
    try {
      return Optional.of(get(namespace, name));
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public ListPage<T> list(String namespace, ListOptions options) {
    String path = RequestPaths.collection(type, namespace) + RequestPaths.query(options, false);
    JsonNode list = rest.send("GET", path, null, null).json();
    JsonNode meta = list.path("metadata");
    String cont = meta.path("continue").asText("");
    return new ListPage<>(
        items(list), meta.path("resourceVersion").asText(""), cont.isEmpty() ? null : cont);
  }

  @Override
  public ListPage<T> listAll(String namespace, ListOptions options) {
    ListOptions o = options == null ? ListOptions.NONE : options;
    ListPage<T> first = list(namespace, o);
    List<T> items = new ArrayList<>(first.items());
    String token = first.continueToken();
    while (token != null) {
      ListPage<T> page;
      try {
        page = list(namespace, o.withContinue(token));
      } catch (ApiException e) {
        if (!e.isGone()) {
          throw e;
        }
        // the token's revision was compacted: one consistent unpaged list instead (client-go pager)
        return list(namespace, o.withLimit(0).withContinue(null));
      }
      items.addAll(page.items());
      token = page.continueToken();
    }
    return new ListPage<>(items, first.resourceVersion(), null);
  }

  @Override
  public Watch watch(String namespace, ListOptions options, WatchListener<T> listener) {
    String path = RequestPaths.collection(type, namespace) + RequestPaths.query(options, true);
    InputStream body = rest.stream(path, JSON);
    RestWatch<T> watch =
        new RestWatch<>(
            type.resource() + (namespace == null ? "" : " in " + namespace),
            body,
            javaType,
            listener,
            watches::remove);
    watches.add(watch);
    watch.start();
    return watch;
  }

  @Override
  public T create(T object) {
    String namespace = type.namespaced() ? namespaceOf(object, defaultNamespace) : null;
    return decode(
        rest.send("POST", RequestPaths.collection(type, namespace), encode(object), JSON).body());
  }

  @Override
  public T update(T object) {
    String path = RequestPaths.item(type, namespaceOf(object, null), nameOf(object));
    return decode(rest.send("PUT", path, encode(object), JSON).body());
  }

  @Override
  public T updateStatus(T object) {
    String path =
        RequestPaths.subresource(type, namespaceOf(object, null), nameOf(object), "status");
    return decode(rest.send("PUT", path, encode(object), JSON).body());
  }

  @Override
  public T patch(String namespace, String name, PatchType patchType, String patch) {
    return decode(
        rest.send(
                "PATCH",
                RequestPaths.item(type, namespace, name),
                patch.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                patchType.contentType())
            .body());
  }

  @Override
  public Optional<T> delete(String namespace, String name, DeleteOptions options) {
    RestResponse answer =
        rest.send(
            "DELETE",
            RequestPaths.item(type, namespace, name),
            options == null ? null : encode(deleteOptions(options)),
            JSON);
    JsonNode node = answer.json();
    if ("Status".equals(node.path("kind").asText())) {
      return Optional.empty();
    }
    return Optional.of(treeToValue(node));
  }

  @Override
  public List<T> deleteCollection(
      String namespace, ListOptions options, DeleteOptions deleteOptions) {
    String path = RequestPaths.collection(type, namespace) + RequestPaths.query(options, false);
    JsonNode answer =
        rest.send(
                "DELETE",
                path,
                deleteOptions == null ? null : encode(deleteOptions(deleteOptions)),
                JSON)
            .json();
    return items(answer);
  }

  private static DeleteOptions deleteOptions(DeleteOptions options) {
    // the server reads the body as meta/v1 DeleteOptions; say so as upstream clients do
    DeleteOptions copy =
        new io.fabric8.kubernetes.api.model.DeleteOptionsBuilder(options)
            .withApiVersion("v1")
            .withKind("DeleteOptions")
            .build();
    return copy;
  }

  private List<T> items(JsonNode list) {
    List<T> items = new ArrayList<>();
    for (JsonNode item : list.path("items")) {
      items.add(treeToValue(item));
    }
    return items;
  }

  private String namespaceOf(T object, String fallback) {
    if (!type.namespaced()) {
      return null;
    }
    String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? fallback : ns;
  }

  private static String nameOf(HasMetadata object) {
    return object.getMetadata() == null ? null : object.getMetadata().getName();
  }

  private T decode(byte[] body) {
    try {
      return Serialization.json().readValue(body, javaType);
    } catch (IOException e) {
      throw new UncheckedIOException("the server's answer is not a " + type.kind(), e);
    }
  }

  private T treeToValue(JsonNode node) {
    try {
      return Serialization.json().treeToValue(node, javaType);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the server's answer is not a " + type.kind(), e);
    }
  }

  static byte[] encode(Object object) {
    try {
      return Serialization.json().writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + object.getClass().getSimpleName(), e);
    }
  }
}
