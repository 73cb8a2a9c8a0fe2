package io.minik8s.apiserver.registry;

/**
 * The parts of a request's DeleteOptions the registry acts on.
 *
 * @param gracePeriodSeconds requested grace period, or null for the kind's default
 * @param uid precondition on metadata.uid, or null
 * @param resourceVersion precondition on metadata.resourceVersion, or null
 * @param propagationPolicy "Background", "Foreground", "Orphan" or null
 * @param dryRun whether to persist nothing
 */
public record DeleteOptionsView(
    Long gracePeriodSeconds,
    String uid,
    String resourceVersion,
    String propagationPolicy,
    boolean dryRun) {
  public static final DeleteOptionsView DEFAULT =
      new DeleteOptionsView(null, null, null, null, false);
}
