package io.minik8s.apiserver.auth;

import io.minik8s.apiserver.http.ApiRequest;
import java.util.Optional;

/** Finds who sent a request; empty means unauthenticated (401). */
@FunctionalInterface
public interface Authenticator {
  Optional<UserInfo> authenticate(ApiRequest request);

  /** The plain local port's authenticator: everyone is {@link UserInfo#LOCAL_ADMIN}. */
  static Authenticator localAdmin() {
    return request -> Optional.of(UserInfo.LOCAL_ADMIN);
  }
}
