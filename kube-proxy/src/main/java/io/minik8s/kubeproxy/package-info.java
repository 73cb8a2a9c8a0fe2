/** minik8s kube-proxy: filled by its own issue; the module exists so the build layout is complete. */
package io.minik8s.kubeproxy;
