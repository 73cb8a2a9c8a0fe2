/**
 * PATCH as upstream's API server applies it: JSON patch (RFC 6902), JSON merge patch (RFC 7386)
 * and strategic merge patch with the patch metadata of the built-in types, plus the strict field
 * decoding (unknown and duplicate fields, {@code fieldValidation}) that patch shares with create
 * and update.
 */
package io.minik8s.apiserver.endpoints.patch;
