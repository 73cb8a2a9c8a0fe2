package io.minik8s.apiserver.storage;

import io.etcd.jetcd.Client;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.testing.EtcdServer;
import java.util.UUID;

/** The test JVM's etcd and one jetcd client for it, plus unique key prefixes per test. */
public final class TestEtcd {
  public static final ResourceType PODS =
      ResourceRegistry.builtIn().find("", "v1", "pods").orElseThrow();
  public static final ResourceType EVENTS =
      ResourceRegistry.builtIn().find("", "v1", "events").orElseThrow();

  private static Client client;

  private TestEtcd() {}

  /** A client of {@link EtcdServer#shared()}, closed when the JVM exits. */
  public static synchronized Client client() {
    if (client == null) {
      client = Client.builder().endpoints(EtcdServer.shared().endpoint()).build();
      Client created = client;
      Runtime.getRuntime().addShutdownHook(new Thread(created::close, "jetcd-shutdown"));
    }
    return client;
  }

  /** A fresh etcd prefix (in place of "/registry") that no other test uses. */
  public static String uniquePrefix() {
    return "/test-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
