/** Informers against a real API server and etcd: restarts, compaction and indexes. */
package io.minik8s.client.cache;
