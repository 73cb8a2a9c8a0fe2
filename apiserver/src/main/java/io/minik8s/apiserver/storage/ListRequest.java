package io.minik8s.apiserver.storage;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A list request with upstream semantics.
 *
 * <ul>
 *   <li>resourceVersion null or "": a consistent (quorum) read of the newest revision.
 *   <li>"0": any revision; the watch cache serves it from memory (and ignores limit).
 *   <li>"N" with match null or "NotOlderThan": a revision at least N (cache if it has caught up).
 *   <li>"N" with match "Exact": exactly revision N, from etcd (GONE if compacted).
 * </ul>
 *
 * A continue token (from a previous {@link ListResult}) continues at the token's revision;
 * resourceVersion must then be empty. Once that revision is compacted the list fails with GONE.
 *
 * @param resourceVersion see above
 * @param resourceVersionMatch null, "NotOlderThan" or "Exact"
 * @param limit page size, 0 for all
 * @param continueToken opaque token from a previous page, or null
 * @param predicate which objects to return (label and field selectors); filtering happens before
 *     the limit is applied, so a page holds up to limit matching objects. Pass null (not a
 *     predicate that accepts everything) when there are no selectors: only unfiltered lists report
 *     a remainingItemCount, as upstream
 * @param indexHints exact field values every returned object must have (e.g. "spec.nodeName" →
 *     "node1"), which the watch cache may answer from an index; the predicate checks them too
 */
public record ListRequest(
    String resourceVersion,
    String resourceVersionMatch,
    long limit,
    String continueToken,
    Predicate<HasMetadata> predicate,
    Map<String, String> indexHints) {

  /** The predicate of a list without selectors. */
  public static final Predicate<HasMetadata> EVERYTHING = o -> true;

  public ListRequest {
    predicate = predicate == null ? EVERYTHING : predicate;
    indexHints = indexHints == null ? Map.of() : Map.copyOf(indexHints);
  }

  /** Whether the list has selectors, so that some objects may be left out. */
  public boolean filters() {
    return predicate != EVERYTHING || !indexHints.isEmpty();
  }

  /** Everything, read consistently from etcd. */
  public static ListRequest all() {
    return new ListRequest(null, null, 0, null, null, null);
  }
}
