package io.minik8s.client;

/**
 * Query parameters of {@code pods/log} (core/v1 PodLogOptions). Null fields are not sent.
 *
 * @param container the container, null for the Pod's only container
 * @param follow stream new lines until the container ends or the stream is closed
 * @param previous the previous (terminated) instance of the container
 * @param timestamps prefix every line with an RFC3339 timestamp
 * @param tailLines only the last N lines
 * @param sinceSeconds only lines newer than this many seconds
 * @param limitBytes stop after this many bytes
 */
public record LogOptions(
    String container,
    boolean follow,
    boolean previous,
    boolean timestamps,
    Long tailLines,
    Long sinceSeconds,
    Long limitBytes) {

  public static final LogOptions NONE = new LogOptions(null, false, false, false, null, null, null);

  public LogOptions withContainer(String c) {
    return new LogOptions(c, follow, previous, timestamps, tailLines, sinceSeconds, limitBytes);
  }

  public LogOptions withFollow(boolean f) {
    return new LogOptions(container, f, previous, timestamps, tailLines, sinceSeconds, limitBytes);
  }

  public LogOptions withPrevious(boolean p) {
    return new LogOptions(container, follow, p, timestamps, tailLines, sinceSeconds, limitBytes);
  }

  public LogOptions withTimestamps(boolean t) {
    return new LogOptions(container, follow, previous, t, tailLines, sinceSeconds, limitBytes);
  }

  public LogOptions withTailLines(Long n) {
    return new LogOptions(container, follow, previous, timestamps, n, sinceSeconds, limitBytes);
  }

  public LogOptions withSinceSeconds(Long s) {
    return new LogOptions(container, follow, previous, timestamps, tailLines, s, limitBytes);
  }

  public LogOptions withLimitBytes(Long b) {
    return new LogOptions(container, follow, previous, timestamps, tailLines, sinceSeconds, b);
  }
}
