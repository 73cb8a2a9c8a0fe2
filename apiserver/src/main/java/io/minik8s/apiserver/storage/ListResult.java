package io.minik8s.apiserver.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items the objects, ordered by key
 * @param revision the revision the list was read at (the list's resourceVersion)
 * @param continueToken token for the next page, or null when this is the last
 * @param remainingItemCount objects left after this page when known (unfiltered lists), else null
 */
public record ListResult(
    List<HasMetadata> items, long revision, String continueToken, Long remainingItemCount) {
  public ListResult {
    items = List.copyOf(items);
  }
}
