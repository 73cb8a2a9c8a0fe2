/**
 * The generic registry: one {@link io.minik8s.apiserver.registry.GenericStore} code path for every
 * resource (create, get, list, update, delete, watch), configured per kind by a {@link
 * io.minik8s.apiserver.registry.ResourceStrategy}.
 */
package io.minik8s.apiserver.registry;
