package io.minik8s.apiserver.endpoints.patch;

import java.util.Objects;

/**
 * The strategic merge patch metadata of one field (upstream's {@code patchStrategy} and {@code
 * patchMergeKey} struct tags, OpenAPI's {@code x-kubernetes-patch-strategy} and {@code
 * x-kubernetes-patch-merge-key}).
 *
 * @param strategy "merge" (lists merge, by mergeKey for lists of objects), "replace", or "" (the
 *     default: lists are replaced, objects merged)
 * @param mergeKey the field identifying list elements, or "" (lists of scalars)
 * @param retainKeys whether patches may carry a {@code $retainKeys} directive for the field
 */
public record PatchStrategy(String strategy, String mergeKey, boolean retainKeys) {
  /** A field without patch metadata. */
  public static final PatchStrategy NONE = new PatchStrategy("", "", false);

  public PatchStrategy {
    Objects.requireNonNull(strategy);
    Objects.requireNonNull(mergeKey);
  }

  static PatchStrategy mergeBy(String key) {
    return new PatchStrategy("merge", key, false);
  }

  static PatchStrategy mergeRetainingKeysBy(String key) {
    return new PatchStrategy("merge", key, true);
  }

  static PatchStrategy mergeScalars() {
    return new PatchStrategy("merge", "", false);
  }

  static PatchStrategy retainingKeys() {
    return new PatchStrategy("", "", true);
  }

  public boolean merges() {
    return strategy.equals("merge");
  }

  public boolean replaces() {
    return strategy.equals("replace");
  }

  /** The x-kubernetes-patch-strategy value, e.g. "merge,retainKeys"; "" when there is none. */
  public String tag() {
    if (!retainKeys) {
      return strategy;
    }
    return strategy.isEmpty() ? "retainKeys" : strategy + ",retainKeys";
  }
}
