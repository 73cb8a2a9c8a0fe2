/**
 * The component runtime end to end: each of kube-scheduler, kube-controller-manager, kubelet and
 * kube-proxy started as its own JVM against a real API server, probed and stopped with SIGTERM.
 */
package io.minik8s.client.component;
