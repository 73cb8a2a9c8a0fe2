/**
 * minik8s' client-go: the one library every component uses to talk to the API server — REST and
 * typed clients ({@link io.minik8s.client.KubeClient}), informers ({@code cache}), workqueues,
 * reconciler runner, leader election, event recorder and the component runtime.
 */
package io.minik8s.client;
