package io.minik8s.client.rest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The running watches of one client, so that closing the client ends them all. */
final class Watches {
  private final Set<RestWatch<?>> running = ConcurrentHashMap.newKeySet();

  void add(RestWatch<?> watch) {
    running.add(watch);
  }

  void remove(RestWatch<?> watch) {
    running.remove(watch);
  }

  int size() {
    return running.size();
  }

  void closeAll() {
    for (RestWatch<?> watch : List.copyOf(running)) {
      watch.close();
    }
  }
}
