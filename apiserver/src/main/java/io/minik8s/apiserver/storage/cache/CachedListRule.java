package io.minik8s.apiserver.storage.cache;

import io.minik8s.apiserver.storage.ListRequest;

/** Which lists the cache answers, as upstream's cacher decides (shouldDelegateList). */
final class CachedListRule {
  private CachedListRule() {}

  /**
   * The revision the cache must have reached to answer this list, or -1 when the delegate must:
   * consistent reads (no resourceVersion), continuations, match Exact, and paged lists at a
   * revision other than "0" (whose continue tokens need etcd's history).
   */
  static long minimumRevision(ListRequest request) {
    String rv = request.resourceVersion();
    if (rv == null || rv.isEmpty()) {
      return -1;
    }
    if (request.continueToken() != null && !request.continueToken().isEmpty()) {
      return -1;
    }
    String match = request.resourceVersionMatch();
    if (match != null && !match.isEmpty() && !match.equals("NotOlderThan")) {
      return -1;
    }
    long revision;
    try {
      revision = Long.parseLong(rv);
    } catch (NumberFormatException e) {
      // the delegate reports the malformed resourceVersion
      return -1;
    }
    if (revision < 0 || (revision > 0 && request.limit() > 0)) {
      return -1;
    }
    return revision;
  }
}
