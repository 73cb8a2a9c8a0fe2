/**
 * Authentication and authorization seams of the request pipeline. Until TLS and RBAC land, the
 * plain local port authenticates every request as a member of system:masters and allows it, as
 * upstream's old insecure port did.
 */
package io.minik8s.apiserver.auth;
