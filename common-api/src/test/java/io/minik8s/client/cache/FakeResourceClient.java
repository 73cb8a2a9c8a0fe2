package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ApiException;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;
import io.minik8s.client.WatchListener.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory API server of one resource behind the {@link ResourceClient} interface: writes get
 * increasing resourceVersions and are kept as a history that watches replay from their version (410
 * once {@link #compact} dropped it), each watch delivering on its own thread. Tests can end
 * watches, refuse connections and make the next list or watch fail.
 */
final class FakeResourceClient<T extends HasMetadata> implements ResourceClient<T> {
  private final Class<T> cls;
  private final ResourceType type;
  private final Map<String, T> objects = new TreeMap<>();
  private final List<Change<T>> history = new ArrayList<>();
  private final List<FakeWatch> watches = new ArrayList<>();
  private final Deque<RuntimeException> listFailures = new ArrayDeque<>();
  private final Deque<RuntimeException> watchFailures = new ArrayDeque<>();
  final List<ListOptions> listCalls = new CopyOnWriteArrayList<>();
  final List<ListOptions> watchCalls = new CopyOnWriteArrayList<>();
  private long revision = 100;
  private long compactedThrough;
  private boolean refusing;

  FakeResourceClient(Class<T> cls) {
    this.cls = cls;
    this.type = ResourceRegistry.builtIn().findByClass(cls).orElseThrow();
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public synchronized T create(T object) {
    String key = Cache.metaNamespaceKey(object);
    if (objects.containsKey(key)) {
      throw ApiException.alreadyExists(type.group(), type.resource(), key);
    }
    return write(EventType.ADDED, object);
  }

  @Override
  public synchronized T update(T object) {
    String key = Cache.metaNamespaceKey(object);
    if (!objects.containsKey(key)) {
      throw ApiException.notFound(type.group(), type.resource(), key);
    }
    return write(EventType.MODIFIED, object);
  }

  @Override
  public T updateStatus(T object) {
    return update(object);
  }

  @Override
  public synchronized Optional<T> delete(String namespace, String name, DeleteOptions options) {
    T gone = objects.get(key(namespace, name));
    if (gone == null) {
      throw ApiException.notFound(type.group(), type.resource(), name);
    }
    return Optional.of(write(EventType.DELETED, gone));
  }

  @Override
  public synchronized T get(String namespace, String name) {
    return find(namespace, name)
        .orElseThrow(() -> ApiException.notFound(type.group(), type.resource(), name));
  }

  @Override
  public synchronized Optional<T> find(String namespace, String name) {
    return Optional.ofNullable(objects.get(key(namespace, name))).map(this::copy);
  }

  @Override
  public ListPage<T> list(String namespace, ListOptions options) {
    return listAll(namespace, options);
  }

  @Override
  public synchronized ListPage<T> listAll(String namespace, ListOptions options) {
    listCalls.add(options);
    failIfAsked(listFailures);
    List<T> items = new ArrayList<>();
    objects.values().stream()
        .filter(o -> inNamespace(namespace, o))
        .map(this::copy)
        .forEach(items::add);
    return new ListPage<>(items, Long.toString(revision), null);
  }

  @Override
  public synchronized Watch watch(
      String namespace, ListOptions options, WatchListener<T> listener) {
    watchCalls.add(options);
    failIfAsked(watchFailures);
    FakeWatch watch = new FakeWatch(namespace, listener);
    String rv = options.resourceVersion();
    long from = rv == null || rv.isEmpty() || rv.equals("0") ? revision : Long.parseLong(rv);
    if (from < compactedThrough) {
      watch.deliver(w -> w.listener.onError(expired(from)));
      watch.end();
      return watch;
    }
    for (Change<T> change : history) {
      if (change.revision() > from) {
        watch.send(change.type(), change.object());
      }
    }
    watches.add(watch);
    return watch;
  }

  @Override
  public T patch(String namespace, String name, PatchType patchType, String patch) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<T> deleteCollection(
      String namespace, ListOptions options, DeleteOptions deleteOptions) {
    throw new UnsupportedOperationException();
  }

  /** Forgets the history: a watch from any version before now gets 410 Gone. */
  synchronized void compact() {
    compactedThrough = revision;
    history.clear();
  }

  /** Ends every open watch normally, as a server-side timeout does. */
  synchronized void closeWatches() {
    watches.forEach(FakeWatch::end);
    watches.clear();
  }

  /** A BOOKMARK at the current revision on every open watch. */
  synchronized void bookmark() {
    T marker = newInstance();
    marker.setMetadata(new ObjectMeta());
    marker.getMetadata().setResourceVersion(Long.toString(revision));
    watches.forEach(w -> w.send(EventType.BOOKMARK, marker));
  }

  /**
   * While true, lists and watches fail as if the server were down (connection refused); open
   * watches break as on a reset connection.
   */
  synchronized void refuseConnections(boolean refuse) {
    refusing = refuse;
    if (refuse) {
      UncheckedIOException reset = new UncheckedIOException(new IOException("Connection reset"));
      watches.forEach(w -> w.deliver(x -> x.listener.onClose(reset)));
      watches.forEach(FakeWatch::stopThread);
      watches.clear();
    }
  }

  synchronized void failNextList(RuntimeException e) {
    listFailures.add(e);
  }

  synchronized void failNextWatch(RuntimeException e) {
    watchFailures.add(e);
  }

  synchronized int openWatches() {
    return watches.size();
  }

  synchronized long revision() {
    return revision;
  }

  private T write(EventType eventType, T object) {
    T stored = copy(object);
    stored.getMetadata().setResourceVersion(Long.toString(++revision));
    String key = Cache.metaNamespaceKey(stored);
    if (eventType == EventType.DELETED) {
      objects.remove(key);
    } else {
      objects.put(key, stored);
    }
    history.add(new Change<>(revision, eventType, stored));
    watches.forEach(w -> w.send(eventType, stored));
    return copy(stored);
  }

  private void failIfAsked(Deque<RuntimeException> failures) {
    if (refusing) {
      throw connectionRefused();
    }
    RuntimeException next = failures.poll();
    if (next != null) {
      throw next;
    }
  }

  private static UncheckedIOException connectionRefused() {
    return new UncheckedIOException(new ConnectException("Connection refused"));
  }

  private static Status expired(long from) {
    return ApiException.expired("too old resource version: " + from).status();
  }

  /** A deep copy through the model's builder (Jackson would cost seconds of warm-up per type). */
  private T copy(T object) {
    try {
      Class<?> builder = Class.forName(cls.getName() + "Builder");
      Object b = builder.getConstructor(cls).newInstance(object);
      return cls.cast(builder.getMethod("build").invoke(b));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private T newInstance() {
    try {
      return cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean inNamespace(String namespace, HasMetadata o) {
    return namespace == null || namespace.equals(o.getMetadata().getNamespace());
  }

  private static String key(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  private record Change<T>(long revision, EventType type, T object) {}

  /** One watch: events go out in order on the watch's own thread. */
  private final class FakeWatch implements Watch {
    private final String namespace;
    private final WatchListener<T> listener;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private boolean ended;

    FakeWatch(String namespace, WatchListener<T> listener) {
      this.namespace = namespace;
      this.listener = listener;
    }

    void send(EventType eventType, T object) {
      if (inNamespace(namespace, object) || eventType == EventType.BOOKMARK) {
        T own = copy(object);
        deliver(w -> w.listener.onEvent(eventType, own));
      }
    }

    void deliver(java.util.function.Consumer<FakeWatch> action) {
      if (!thread.isShutdown()) {
        thread.execute(() -> action.accept(this));
      }
    }

    synchronized void end() {
      if (!ended) {
        ended = true;
        deliver(w -> w.listener.onClose(null));
        thread.shutdown();
      }
    }

    synchronized void stopThread() {
      ended = true;
      thread.shutdown();
    }

    @Override
    public void close() {
      synchronized (FakeResourceClient.this) {
        watches.remove(this);
      }
      end();
    }
  }
}
