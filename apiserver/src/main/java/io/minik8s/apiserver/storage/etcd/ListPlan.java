package io.minik8s.apiserver.storage.etcd;

import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;

/**
 * How to read one list from etcd, derived from its resourceVersion, match, limit and continue token
 * as upstream's GetList does.
 *
 * @param startKey the first key to read
 * @param readRevision the revision to read at, 0 for the newest
 * @param returnedRevision the list's resourceVersion if known in advance, else 0 (the revision read
 *     at)
 * @param minimumRevision the revision the read must have reached (NotOlderThan), else 0
 * @param continuing whether the list continues an earlier one
 */
record ListPlan(
    String startKey,
    long readRevision,
    long returnedRevision,
    long minimumRevision,
    boolean continuing) {

  static final String NOT_OLDER_THAN = "NotOlderThan";
  static final String EXACT = "Exact";

  static ListPlan of(String prefix, ListRequest request) {
    String rv = request.resourceVersion();
    boolean hasRv = rv != null && !rv.isEmpty();
    long fromRv = hasRv ? parse(rv) : 0;
    String match = request.resourceVersionMatch();
    match = match == null ? "" : match;
    if (!match.isEmpty() && !match.equals(NOT_OLDER_THAN) && !match.equals(EXACT)) {
      throw invalid("unknown resourceVersionMatch value: " + match);
    }
    if (!match.isEmpty() && !hasRv) {
      throw invalid("resourceVersionMatch is forbidden unless resourceVersion is provided");
    }
    if (match.equals(EXACT) && fromRv == 0) {
      throw invalid("resourceVersionMatch \"Exact\" is forbidden for resourceVersion \"0\"");
    }
    if (request.limit() < 0) {
      throw invalid("limit must not be negative");
    }
    String token = request.continueToken();
    if (token != null && !token.isEmpty()) {
      if (hasRv && !rv.equals("0")) {
        throw invalid("specifying resource version is not allowed when using continue");
      }
      ContinueToken decoded = ContinueToken.decode(token, prefix);
      // a token revision of -1 continues at the newest revision (upstream's inconsistent continue)
      long at = Math.max(decoded.revision(), 0);
      return new ListPlan(decoded.startKey(), at, at, 0, true);
    }
    long minimum = match.equals(EXACT) ? 0 : fromRv;
    boolean pinned =
        match.equals(EXACT)
            // upstream's legacy rule: a paged list with a resourceVersion and no match reads
            // exactly at it, so that its continue tokens name that revision
            || (match.isEmpty() && request.limit() > 0 && fromRv > 0);
    long at = pinned ? fromRv : 0;
    return new ListPlan(prefix, at, at, minimum, false);
  }

  private static long parse(String rv) {
    try {
      long value = Long.parseLong(rv);
      if (value < 0) {
        throw invalid("invalid resource version: " + rv);
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid("invalid resource version: " + rv);
    }
  }

  private static StorageException invalid(String message) {
    return new StorageException(Reason.INVALID_REQUEST, null, message);
  }
}
