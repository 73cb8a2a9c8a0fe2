/**
 * The reconciler runner every controller uses (sample-controller's loop): informer handlers enqueue
 * {@code namespace/name} keys, workers call {@link
 * io.minik8s.client.controller.Reconciler#reconcile} with them and requeue with backoff when it
 * throws; {@link io.minik8s.client.controller.Controllers} names and starts them.
 */
package io.minik8s.client.controller;
