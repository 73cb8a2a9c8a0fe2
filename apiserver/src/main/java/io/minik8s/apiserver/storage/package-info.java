/**
 * The storage layer: a small {@link io.minik8s.apiserver.storage.Storage} contract (create, get,
 * list, guaranteed update, delete, watch) with one implementation over etcd and a watch cache in
 * front of it. Errors are {@link io.minik8s.apiserver.storage.StorageException}s, translated to
 * HTTP only by the endpoints layer.
 */
package io.minik8s.apiserver.storage;
