package io.minik8s.apiserver.auth;

import io.minik8s.apiserver.endpoints.RequestInfo;

/** Decides whether a user may do what a request asks (403 otherwise). */
@FunctionalInterface
public interface Authorizer {
  boolean authorize(UserInfo user, RequestInfo request);

  /** Upstream's AlwaysAllow mode. */
  static Authorizer alwaysAllow() {
    return (user, request) -> true;
  }
}
