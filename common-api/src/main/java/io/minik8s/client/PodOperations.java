package io.minik8s.client;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.minik8s.api.ApiException;
import java.io.InputStream;

/**
 * The Pod subresources beyond status: {@code pods/binding} (the scheduler), {@code pods/eviction}
 * (drain, the node lifecycle controller) and {@code pods/log} (kubectl logs). Obtained from {@link
 * KubeClient#pods()}; same error contract as {@link ResourceClient}.
 */
public interface PodOperations {

  /**
   * POSTs a Binding of the Pod to the node ({@code pods/{name}/binding}). Fails with 409 Conflict
   * if the Pod is already bound.
   */
  void bind(String namespace, String podName, String nodeName);

  /**
   * POSTs a policy/v1 Eviction ({@code pods/{name}/eviction}); the server deletes the Pod when its
   * disruption budgets allow, otherwise answers 429 ({@link ApiException#code()}) which the caller
   * retries later.
   *
   * @param options the DeleteOptions of the deletion, or null
   */
  void evict(String namespace, String podName, DeleteOptions options);

  /**
   * GETs {@code pods/{name}/log}: the log text as a stream, which the caller must close (for a
   * follow stream, closing ends it). Errors before the stream starts are thrown here.
   */
  InputStream log(String namespace, String podName, LogOptions options);
}
