package io.minik8s.client.leaderelection;

/**
 * What a {@link LeaderElector} tells its owner. Calls arrive on the elector's callback executor,
 * never on its renewal thread, so a slow callback cannot cost the lease; with a single-threaded
 * executor they arrive in order.
 */
public interface LeaderCallbacks {

  /** This process now leads: start the work (on threads of its own; return promptly). */
  void onStartedLeading();

  /**
   * This process no longer leads (the lease could not be renewed within the renew deadline, or the
   * elector was stopped): stop the work at once, since another process may take over after the
   * lease duration. Called only after {@link #onStartedLeading}.
   */
  void onStoppedLeading();

  /** The lease's holder changed to {@code identity} (this process included); for logging. */
  default void onNewLeader(String identity) {}
}
