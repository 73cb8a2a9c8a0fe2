/**
 * What exists after the first start: the built-in namespaces, the system priority classes, and the
 * default/kubernetes Service with Endpoints and EndpointSlice pointing at this API server.
 */
package io.minik8s.apiserver.bootstrap;
