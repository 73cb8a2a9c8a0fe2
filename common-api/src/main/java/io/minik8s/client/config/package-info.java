/**
 * Where a client connects and as whom: kubeconfig files in upstream's format, merged from {@code
 * $KUBECONFIG} or {@code ~/.kube/config} as clientcmd does, and {@code --kubeconfig}/{@code
 * --master} overrides, resolved into a {@link io.minik8s.client.config.ClientConfig}.
 */
package io.minik8s.client.config;
