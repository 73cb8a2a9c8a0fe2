package io.minik8s.client;

/**
 * Query parameters of lists and watches (metav1.ListOptions). Null or 0 fields are not sent.
 *
 * @param labelSelector e.g. "app=web,tier!=db"
 * @param fieldSelector e.g. "spec.nodeName=node1"
 * @param resourceVersion "", "0" or a revision
 * @param resourceVersionMatch null, "NotOlderThan" or "Exact"
 * @param limit page size, 0 for no limit
 * @param continueToken the continue token of the previous page
 * @param timeoutSeconds server-side watch timeout, 0 for the server's default
 * @param allowWatchBookmarks whether the watch may get BOOKMARK events
 */
public record ListOptions(
    String labelSelector,
    String fieldSelector,
    String resourceVersion,
    String resourceVersionMatch,
    long limit,
    String continueToken,
    long timeoutSeconds,
    boolean allowWatchBookmarks) {

  public static final ListOptions NONE = new ListOptions(null, null, null, null, 0, null, 0, false);

  public static ListOptions labels(String selector) {
    return NONE.withLabelSelector(selector);
  }

  public static ListOptions fields(String selector) {
    return NONE.withFieldSelector(selector);
  }

  public ListOptions withLabelSelector(String s) {
    return new ListOptions(
        s,
        fieldSelector,
        resourceVersion,
        resourceVersionMatch,
        limit,
        continueToken,
        timeoutSeconds,
        allowWatchBookmarks);
  }

  public ListOptions withFieldSelector(String s) {
    return new ListOptions(
        labelSelector,
        s,
        resourceVersion,
        resourceVersionMatch,
        limit,
        continueToken,
        timeoutSeconds,
        allowWatchBookmarks);
  }

  public ListOptions withResourceVersion(String rv) {
    return new ListOptions(
        labelSelector,
        fieldSelector,
        rv,
        resourceVersionMatch,
        limit,
        continueToken,
        timeoutSeconds,
        allowWatchBookmarks);
  }

  public ListOptions withLimit(long n) {
    return new ListOptions(
        labelSelector,
        fieldSelector,
        resourceVersion,
        resourceVersionMatch,
        n,
        continueToken,
        timeoutSeconds,
        allowWatchBookmarks);
  }

  public ListOptions withContinue(String token) {
    return new ListOptions(
        labelSelector,
        fieldSelector,
        resourceVersion,
        resourceVersionMatch,
        limit,
        token,
        timeoutSeconds,
        allowWatchBookmarks);
  }

  public ListOptions withTimeoutSeconds(long seconds) {
    return new ListOptions(
        labelSelector,
        fieldSelector,
        resourceVersion,
        resourceVersionMatch,
        limit,
        continueToken,
        seconds,
        allowWatchBookmarks);
  }

  public ListOptions withBookmarks(boolean bookmarks) {
    return new ListOptions(
        labelSelector,
        fieldSelector,
        resourceVersion,
        resourceVersionMatch,
        limit,
        continueToken,
        timeoutSeconds,
        bookmarks);
  }
}
