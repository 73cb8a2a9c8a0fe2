package io.minik8s.client.component;

import io.minik8s.client.KubeClient;
import io.minik8s.client.cache.SharedInformerFactory;
import java.time.Clock;

/**
 * What a {@link Component} gets from the runtime when it starts: the connected client, the metrics
 * registry and health checks its listeners serve, the clock, and the ways to stop. Safe to use from
 * any thread.
 */
public interface ComponentContext {

  /** The process' one client, already checked against the API server's {@code /version}. */
  KubeClient client();

  /**
   * The process' one informer factory over {@link #client()}, reporting to {@link #metrics()}: ask
   * it for informers, add handlers, then start it. Shared by everything in the process, so that it
   * opens one watch per resource; stopped with the process.
   */
  SharedInformerFactory informers();

  /** The API server's gitVersion, e.g. "v1.32.4". */
  String serverVersion();

  /** The process' metrics; the client and workqueues already report to it. */
  ComponentMetrics metrics();

  /** The checks behind /healthz, /livez and /readyz; add the component's own. */
  HealthChecks health();

  Clock clock();

  /**
   * Registers something to stop when the process stops; resources are closed in the reverse order
   * of registration, after the component's later ones and before the client and the listeners.
   * Registered after the stop began, it is closed at once.
   */
  void onStop(String name, AutoCloseable resource);

  /**
   * Stops the process as SIGTERM would, then exits with {@code exitCode} (e.g. 1 when leadership is
   * lost, as upstream's components exit). Returns at once; the stop runs on its own thread.
   */
  void shutdown(int exitCode, String reason);
}
