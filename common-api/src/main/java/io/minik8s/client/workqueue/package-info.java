/**
 * client-go's workqueue: a FIFO of keys that a key is never handed to two workers at once, with
 * delayed adds and per-item rate-limited requeues, feeding the reconcile workers of every
 * controller.
 */
package io.minik8s.client.workqueue;
