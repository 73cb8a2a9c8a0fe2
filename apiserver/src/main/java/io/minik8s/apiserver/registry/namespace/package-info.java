/** The Namespace strategy: the kubernetes finalizer, Terminating phase and the finalize subresource. */
package io.minik8s.apiserver.registry.namespace;
