package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.Status;
import io.minik8s.api.ApiException;
import io.minik8s.client.ConnectionException;

/**
 * How one watch ended.
 *
 * @param status the Status the server sent (an ERROR event, or the answer refusing the watch); null
 *     otherwise
 * @param cause what ended the stream or failed the request; null for a normal end
 * @param atOpen whether opening the watch failed
 */
record Ending(Status status, Throwable cause, boolean atOpen) {
  /** The reflector let go of the watch because it is stopping. */
  static final Ending STOPPED = new Ending(null, null, false);

  static Ending error(Status status) {
    return new Ending(status, null, false);
  }

  static Ending closed(Throwable cause) {
    return new Ending(serverStatus(cause), cause, false);
  }

  static Ending openFailed(RuntimeException e) {
    return new Ending(serverStatus(e), e, true);
  }

  /** The Status the server answered, or null for a transport failure (no answer at all). */
  private static Status serverStatus(Throwable e) {
    return e instanceof ApiException api && !(e instanceof ConnectionException)
        ? api.status()
        : null;
  }
}
