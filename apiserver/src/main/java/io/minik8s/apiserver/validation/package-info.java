/**
 * Upstream's validation rules (names, labels, pod specs, services, workloads, ...) as pure
 * functions returning {@link io.minik8s.apiserver.validation.FieldError}s with upstream's messages.
 */
package io.minik8s.apiserver.validation;
