/**
 * The watch cache (upstream's cacher): one etcd list+watch per resource kept in memory, serving
 * lists at resourceVersion "0" and fanning watch events out to many watchers through bounded
 * queues, with a window of recent events for watchers that resume from a revision.
 */
package io.minik8s.apiserver.storage.cache;
