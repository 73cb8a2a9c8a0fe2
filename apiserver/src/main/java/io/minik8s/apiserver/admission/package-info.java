/**
 * Admission: plugins that may change (mutating) or refuse (validating) a write after
 * authorization and before it is stored, as upstream's NamespaceLifecycle,
 * DefaultTolerationSeconds and Priority plugins.
 */
package io.minik8s.apiserver.admission;
