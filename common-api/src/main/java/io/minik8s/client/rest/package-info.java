/**
 * The HTTP implementation of {@link io.minik8s.client.KubeClient} over {@code java.net.http}: URL
 * building, JSON bodies, watch streams, Status errors, client-side rate limiting and client-go's
 * retry rules. {@link io.minik8s.client.rest.KubeClients} is the entry point.
 */
package io.minik8s.client.rest;
