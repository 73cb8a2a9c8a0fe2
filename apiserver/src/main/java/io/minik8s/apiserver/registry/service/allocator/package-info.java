/**
 * Service ClusterIP and NodePort allocation: upstream's range bitmaps, stored as RangeAllocations
 * in etcd and updated by compare-and-swap transactions so that API servers sharing an etcd never
 * hand out the same value twice.
 */
package io.minik8s.apiserver.registry.service.allocator;
