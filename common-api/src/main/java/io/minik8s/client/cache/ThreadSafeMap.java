package io.minik8s.client.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@link ThreadSafeStore} of informers: a hash map under a read-write lock, with one inverted
 * index (value → keys) per index function, updated on every write.
 */
public final class ThreadSafeMap<T> implements ThreadSafeStore<T> {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, T> items = new HashMap<>();
  private final Map<String, IndexFunc<T>> indexers = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> indices = new HashMap<>();

  public ThreadSafeMap(Map<String, IndexFunc<T>> indexers) {
    this.indexers.putAll(indexers);
    indexers.keySet().forEach(name -> indices.put(name, new HashMap<>()));
  }

  @Override
  public void add(String key, T obj) {
    update(key, obj);
  }

  @Override
  public void update(String key, T obj) {
    lock.writeLock().lock();
    try {
      T old = items.put(key, obj);
      reindex(key, old, obj);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void delete(String key) {
    lock.writeLock().lock();
    try {
      T old = items.remove(key);
      if (old != null) {
        reindex(key, old, null);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<T> get(String key) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(items.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<T> list() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(items.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> listKeys() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(items.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void replace(Map<String, T> newItems) {
    lock.writeLock().lock();
    try {
      items.clear();
      items.putAll(newItems);
      indices.values().forEach(Map::clear);
      items.forEach((key, obj) -> reindex(key, null, obj));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<T> index(String indexName, T obj) {
    lock.readLock().lock();
    try {
      Map<String, Set<String>> index = indexNamed(indexName);
      Set<String> keys = new HashSet<>();
      for (String value : indexers.get(indexName).index(obj)) {
        keys.addAll(index.getOrDefault(value, Set.of()));
      }
      return objectsOf(keys);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> indexKeys(String indexName, String indexedValue) {
    lock.readLock().lock();
    try {
      return new ArrayList<>(indexNamed(indexName).getOrDefault(indexedValue, Set.of()));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> listIndexFuncValues(String indexName) {
    lock.readLock().lock();
    try {
      return new ArrayList<>(indexNamed(indexName).keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<T> byIndex(String indexName, String indexedValue) {
    lock.readLock().lock();
    try {
      return objectsOf(indexNamed(indexName).getOrDefault(indexedValue, Set.of()));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Map<String, IndexFunc<T>> indexers() {
    lock.readLock().lock();
    try {
      return Map.copyOf(indexers);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void addIndexers(Map<String, IndexFunc<T>> newIndexers) {
    lock.writeLock().lock();
    try {
      for (String name : newIndexers.keySet()) {
        if (indexers.containsKey(name)) {
          throw new IllegalArgumentException("indexer conflict: " + name);
        }
      }
      newIndexers.forEach(
          (name, func) -> {
            indexers.put(name, func);
            Map<String, Set<String>> index = new HashMap<>();
            indices.put(name, index);
            items.forEach((key, obj) -> addTo(index, func, key, obj));
          });
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Map<String, Set<String>> indexNamed(String indexName) {
    Map<String, Set<String>> index = indices.get(indexName);
    if (index == null) {
      throw new IllegalArgumentException("index with name " + indexName + " does not exist");
    }
    return index;
  }

  private List<T> objectsOf(Set<String> keys) {
    List<T> result = new ArrayList<>(keys.size());
    for (String key : keys) {
      result.add(items.get(key));
    }
    return result;
  }

  /** Moves the key from the old object's index values to the new object's (either may be null). */
  private void reindex(String key, T oldObj, T newObj) {
    indexers.forEach(
        (name, func) -> {
          Map<String, Set<String>> index = indices.get(name);
          if (oldObj != null) {
            for (String value : func.index(oldObj)) {
              Set<String> keys = index.get(value);
              if (keys != null) {
                keys.remove(key);
                // drop empty sets so listIndexFuncValues names only values still in use
                if (keys.isEmpty()) {
                  index.remove(value);
                }
              }
            }
          }
          if (newObj != null) {
            addTo(index, func, key, newObj);
          }
        });
  }

  private static <T> void addTo(
      Map<String, Set<String>> index, IndexFunc<T> func, String key, T obj) {
    for (String value : func.index(obj)) {
      index.computeIfAbsent(value, v -> new HashSet<>()).add(key);
    }
  }
}
