package io.minik8s.client.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import io.minik8s.client.ListOptions;
import io.minik8s.client.ListPage;
import io.minik8s.client.ResourceClient;
import io.minik8s.client.WatchListener;

/**
 * Lists and watches one resource within one scope (client-go's ListerWatcher): what a {@link
 * Reflector} needs from the API server. Failures throw {@link io.minik8s.api.ApiException} (or an
 * unchecked I/O exception when the server cannot be reached).
 */
public interface ListerWatcher<T extends HasMetadata> {

  ResourceType type();

  /** Every page of a list, following continue tokens; the list's resourceVersion. */
  ListPage<T> list(ListOptions options);

  /** Opens a watch; see {@link ResourceClient#watch} for the listener's contract. */
  ResourceClient.Watch watch(ListOptions options, WatchListener<T> listener);

  /** Lists and watches through a typed client, with the scope's namespace and selectors. */
  static <T extends HasMetadata> ListerWatcher<T> of(
      ResourceClient<T> client, InformerScope scope) {
    return new ListerWatcher<>() {
      @Override
      public ResourceType type() {
        return client.type();
      }

      @Override
      public ListPage<T> list(ListOptions options) {
        return client.listAll(scope.namespace(), scoped(options));
      }

      @Override
      public ResourceClient.Watch watch(ListOptions options, WatchListener<T> listener) {
        return client.watch(scope.namespace(), scoped(options), listener);
      }

      private ListOptions scoped(ListOptions options) {
        return options
            .withLabelSelector(scope.labelSelector())
            .withFieldSelector(scope.fieldSelector());
      }

      @Override
      public String toString() {
        return client.type().resource() + " " + scope;
      }
    };
  }
}
