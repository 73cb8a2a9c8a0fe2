/**
 * Recording core/v1 Events as client-go's tools/record does: an {@link
 * io.minik8s.client.record.EventRecorder} queues events without blocking its caller, and the {@link
 * io.minik8s.client.record.EventBroadcaster} correlates repeats into counts and writes them to the
 * API server.
 */
package io.minik8s.client.record;
