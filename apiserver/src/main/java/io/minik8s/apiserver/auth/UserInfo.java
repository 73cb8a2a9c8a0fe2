package io.minik8s.apiserver.auth;

import java.util.List;

/** An authenticated user: name and groups, as upstream's user.Info. */
public record UserInfo(String name, List<String> groups) {
  public UserInfo {
    groups = List.copyOf(groups);
  }

  /** The identity of requests on the local plain-HTTP port. */
  public static final UserInfo LOCAL_ADMIN =
      new UserInfo("system:admin", List.of("system:masters", "system:authenticated"));
}
