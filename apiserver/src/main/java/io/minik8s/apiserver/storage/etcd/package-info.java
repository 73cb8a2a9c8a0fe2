/**
 * {@link io.minik8s.apiserver.storage.Storage} over etcd v3 through jetcd: transactions on
 * mod_revision for writes, paged range reads for lists, etcd watches, and the compactor that keeps
 * etcd's history bounded.
 */
package io.minik8s.apiserver.storage.etcd;
