/** The Service strategy: ClusterIP and NodePort allocation, carried over on update, released on delete. */
package io.minik8s.apiserver.registry.service;
