/**
 * Protobuf request bodies ({@code application/vnd.kubernetes.protobuf}, as client-go's typed
 * clients write them): upstream's {@code k8s\0} + runtime.Unknown envelope and each kind's
 * generated.proto layout, decoded into the same JSON tree a JSON body gives, so the rest of the
 * request pipeline does not know which one the client sent.
 */
package io.minik8s.apiserver.endpoints.protobuf;
