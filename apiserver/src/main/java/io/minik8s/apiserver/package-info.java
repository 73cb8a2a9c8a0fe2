/** kube-apiserver: the composition root ({@link io.minik8s.apiserver.ApiServer}) and its flags. */
package io.minik8s.apiserver;
