/** Integration tests: a real API server over real HTTP against a real etcd. */
package io.minik8s.apiserver.it;
