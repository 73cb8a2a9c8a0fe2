package io.minik8s.apiserver.admission;

import java.util.concurrent.CompletableFuture;

/**
 * One admission plugin. It may mutate {@link AdmissionRequest#object()} (a freshly decoded
 * object) and refuses a request by completing exceptionally with an ApiException.
 */
@FunctionalInterface
public interface AdmissionPlugin {
  CompletableFuture<Void> admit(AdmissionRequest request);
}
