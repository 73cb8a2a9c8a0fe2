/**
 * The REST endpoints: request parsing (upstream's RequestInfo), the filter chain (authentication,
 * authorization, admission), verb handlers over the generic registry, watch streams, discovery,
 * version and health.
 */
package io.minik8s.apiserver.endpoints;
