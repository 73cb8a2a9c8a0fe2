/**
 * Leader election on a coordination.k8s.io/v1 Lease, as client-go's tools/leaderelection: one of
 * several copies of a component (kube-scheduler, kube-controller-manager) does the work, the others
 * stand by and take over when its Lease is no longer renewed.
 */
package io.minik8s.client.leaderelection;
