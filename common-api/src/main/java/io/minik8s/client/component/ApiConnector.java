package io.minik8s.client.component;

import io.minik8s.client.KubeClient;
import io.minik8s.client.RequestMetrics;

/**
 * How the runtime builds its client from the shared flags and checks that the API server answers.
 * {@link RestApiConnector} is the real one; tests of the runtime pass their own.
 */
public interface ApiConnector {

  /**
   * A client for {@code --kubeconfig} / {@code --master} with {@code --kube-api-qps} and {@code
   * --kube-api-burst}, reporting its requests to {@code metrics}.
   *
   * @throws IllegalArgumentException if the flags name no usable configuration
   */
  KubeClient connect(ComponentOptions options, String userAgent, RequestMetrics metrics);

  /**
   * The API server's gitVersion from {@code GET /version}.
   *
   * @throws io.minik8s.api.ApiException if the server does not answer or refuses
   */
  String serverVersion(KubeClient client);
}
