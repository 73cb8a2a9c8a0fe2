package io.minik8s.client;

import java.util.List;

/**
 * One list answer.
 *
 * @param items the objects
 * @param resourceVersion the list's metadata.resourceVersion (watch from it)
 * @param continueToken the next page's token, or null
 */
public record ListPage<T>(List<T> items, String resourceVersion, String continueToken) {
  public ListPage {
    items = List.copyOf(items);
  }
}
