package io.minik8s.client.leaderelection;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import java.util.List;
import java.util.Optional;

/**
 * A real typed client that can be cut off from the API server, as a network partition cuts one
 * process off: while partitioned every call fails with a {@link ConnectionException} before it
 * leaves the process.
 */
final class PartitionedClient<T extends HasMetadata> implements ResourceClient<T> {
  private final ResourceClient<T> delegate;
  private volatile boolean partitioned;

  PartitionedClient(ResourceClient<T> delegate) {
    this.delegate = delegate;
  }

  void partition(boolean cut) {
    partitioned = cut;
  }

  private ResourceClient<T> reachable() {
    if (partitioned) {
      throw new ConnectionException("connect: network is unreachable", null);
    }
    return delegate;
  }

  @Override
  public ResourceType type() {
    return delegate.type();
  }

  @Override
  public T get(String namespace, String name) {
    return reachable().get(namespace, name);
  }

  @Override
  public Optional<T> find(String namespace, String name) {
    return reachable().find(namespace, name);
  }

  @Override
  public ListPage<T> list(String namespace, ListOptions options) {
    return reachable().list(namespace, options);
  }

  @Override
  public ListPage<T> listAll(String namespace, ListOptions options) {
    return reachable().listAll(namespace, options);
  }

  @Override
  public Watch watch(String namespace, ListOptions options, WatchListener<T> listener) {
    return reachable().watch(namespace, options, listener);
  }

  @Override
  public T create(T object) {
    return reachable().create(object);
  }

  @Override
  public T update(T object) {
    return reachable().update(object);
  }

  @Override
  public T updateStatus(T object) {
    return reachable().updateStatus(object);
  }

  @Override
  public T patch(String namespace, String name, PatchType type, String patch) {
    return reachable().patch(namespace, name, type, patch);
  }

  @Override
  public Optional<T> delete(String namespace, String name, DeleteOptions options) {
    return reachable().delete(namespace, name, options);
  }

  @Override
  public List<T> deleteCollection(
      String namespace, ListOptions options, DeleteOptions deleteOptions) {
    return reachable().deleteCollection(namespace, options, deleteOptions);
  }
}
