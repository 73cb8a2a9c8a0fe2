/** The Pod strategy: pending status and QoS class on create, graceful deletion. */
package io.minik8s.apiserver.registry.pod;
