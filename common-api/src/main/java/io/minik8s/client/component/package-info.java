/**
 * The runtime every minik8s process runs in: shared flags ({@code --kubeconfig}, {@code -v}, {@code
 * --kube-api-qps}, ...), logging, the health and Prometheus metrics server, the client connection
 * and a clean stop on SIGTERM. Each component's {@code main} hands its {@link
 * io.minik8s.client.component.Component} to {@link io.minik8s.client.component.ComponentRuntime}.
 */
package io.minik8s.client.component;
