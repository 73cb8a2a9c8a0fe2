/**
 * OpenAPI documents of the served API, generated once from the object model and the resource
 * registry: {@code /openapi/v3} (the per group-version documents kubectl reads to validate, with
 * {@code fieldValidation} on every PATCH operation, and to explain) and {@code /openapi/v2}.
 */
package io.minik8s.apiserver.endpoints.openapi;
