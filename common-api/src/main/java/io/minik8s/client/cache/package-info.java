/**
 * Informers, modelled one for one on client-go's tools/cache: a {@link
 * io.minik8s.client.cache.Reflector} lists and watches one resource into an {@link
 * io.minik8s.client.cache.Indexer}, and a {@link io.minik8s.client.cache.SharedIndexInformer} tells
 * any number of {@link io.minik8s.client.cache.ResourceEventHandler}s about every change, in order.
 * Objects read from a cache are shared and read-only: change copies, never the cached instance.
 */
package io.minik8s.client.cache;
