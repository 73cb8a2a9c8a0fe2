/**
 * Server-side printing: objects as {@code meta.k8s.io} Tables with upstream's columns per resource
 * (kubectl has no client-side printers for built-in kinds), the Accept-header negotiation that
 * selects them, and upstream's human-readable durations.
 */
package io.minik8s.apiserver.endpoints.table;
