package io.minik8s.apiserver.storage.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.StorageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListPlanTest {
  private static final String PREFIX = "/registry/pods/";

  private static ListRequest request(String rv, String match, long limit) {
    return new ListRequest(rv, match, limit, null, null, null);
  }

  @ParameterizedTest(name = "rv={0} match={1} limit={2} reads at {3}, returns {4}, needs {5}")
  @CsvSource(
      nullValues = "null",
      value = {
        // consistent read of the newest revision
        "null, null,         0,  0,  0,  0",
        "'',   null,         500, 0, 0,  0",
        // any revision: the newest is fine
        "0,    null,         0,  0,  0,  0",
        "0,    NotOlderThan, 10, 0,  0,  0",
        // not older than N: newest, checked against N
        "40,   null,         0,  0,  0,  40",
        "40,   NotOlderThan, 10, 0,  0,  40",
        // exactly N
        "40,   Exact,        0,  40, 40, 0",
        // upstream's legacy rule: paged with a revision and no match reads exactly there
        "40,   null,         10, 40, 40, 40",
      })
  void followsUpstreamsResourceVersionRules(
      String rv, String match, long limit, long read, long returned, long minimum) {
    ListPlan plan = ListPlan.of(PREFIX, request(rv, match, limit));

    assertThat(plan.startKey()).isEqualTo(PREFIX);
    assertThat(plan.readRevision()).isEqualTo(read);
    assertThat(plan.returnedRevision()).isEqualTo(returned);
    assertThat(plan.minimumRevision()).isEqualTo(minimum);
    assertThat(plan.continuing()).isFalse();
  }

  @ParameterizedTest(name = "rv={0} match={1} is invalid")
  @CsvSource(
      nullValues = "null",
      value = {
        "abc, null",
        "-5,  null",
        "null, Exact",
        "null, NotOlderThan",
        "0,   Exact",
        "10,  Newest",
      })
  void rejectsMalformedResourceVersionsAndMatches(String rv, String match) {
    assertThatThrownBy(() -> ListPlan.of(PREFIX, request(rv, match, 0)))
        .isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).reason())
        .isEqualTo(StorageException.Reason.INVALID_REQUEST);
  }

  @ParameterizedTest(name = "token revision {0} reads at {1}")
  @CsvSource({"25, 25", "-1, 0"})
  void continuesAtTheTokensRevisionFromItsKey(long tokenRevision, long read) {
    String token = new ContinueToken(tokenRevision, PREFIX + "ns/b\0").encode(PREFIX);

    ListPlan plan = ListPlan.of(PREFIX, new ListRequest(null, null, 5, token, null, null));

    assertThat(plan.startKey()).isEqualTo(PREFIX + "ns/b\0");
    assertThat(plan.readRevision()).isEqualTo(read);
    assertThat(plan.continuing()).isTrue();
  }
}
