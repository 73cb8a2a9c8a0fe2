package io.minik8s.client.component;

import io.minik8s.client.KubeClient;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.config.ClientConfigs;
import io.minik8s.client.rest.KubeClients;
import io.minik8s.client.rest.RestKubeClient;

/** The real {@link ApiConnector}: kubeconfig loading and the HTTP client of io.minik8s.client. */
public final class RestApiConnector implements ApiConnector {

  @Override
  public KubeClient connect(ComponentOptions options, String userAgent, RequestMetrics metrics) {
    ClientConfig config =
        ClientConfigs.load(options.kubeconfig(), options.master())
            .withRateLimits(options.kubeApiQps(), options.kubeApiBurst())
            .withUserAgent(userAgent);
    return KubeClients.create(config, metrics);
  }

  @Override
  public String serverVersion(KubeClient client) {
    if (!(client instanceof RestKubeClient rest)) {
      throw new IllegalArgumentException("not an HTTP client: " + client);
    }
    return rest.rest().send("GET", "/version", null, null).json().path("gitVersion").asText();
  }
}
