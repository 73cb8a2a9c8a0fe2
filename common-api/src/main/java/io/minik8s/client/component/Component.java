package io.minik8s.client.component;

import java.util.List;

/**
 * One minik8s process (kube-scheduler, kube-controller-manager, kubelet, kube-proxy) as {@link
 * ComponentRuntime} runs it. The implementation is a Picocli {@code @Command} whose fields are its
 * flags and which mixes in {@link ComponentOptions}; its {@code main} is a composition root only:
 * {@code System.exit(ComponentRuntime.standard().run(new XMain(), args))}.
 *
 * <p>The runtime calls, in order: {@link #validate()} once the flags are parsed, {@link
 * #servingEndpoints()} to start the health and metrics listeners, then {@link #start} once, after
 * the API server answered. Everything the component starts is registered with {@link
 * ComponentContext#onStop} and stopped in reverse order on SIGTERM.
 */
public interface Component {

  /** The shared flags: the {@code @Mixin} instance of the command. */
  ComponentOptions componentOptions();

  /** The health and metrics listeners that the parsed flags ask for; empty for none. */
  List<ServingEndpoint> servingEndpoints();

  /** Whether the component takes {@code --master} (upstream's kubelet does not). */
  default boolean acceptsMaster() {
    return true;
  }

  /**
   * Checks flag values beyond their types; an {@link IllegalArgumentException} is reported as a
   * usage error (exit code 2) before anything starts.
   */
  default void validate() {}

  /**
   * Starts the component's work and returns; must not block for the component's lifetime. Throwing
   * aborts the start: the runtime stops what was registered and exits with code 1.
   */
  void start(ComponentContext context) throws Exception;
}
