package io.minik8s.apiserver.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.storage.ListRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachedListRuleTest {

  @ParameterizedTest(name = "rv={0} match={1} limit={2} continue={3} -> {4}")
  @CsvSource(
      nullValues = "null",
      value = {
        // served from memory
        "0,   null,         0,   null, 0",
        "0,   NotOlderThan, 500, null, 0",
        "0,   null,         500, null, 0",
        "42,  null,         0,   null, 42",
        "42,  NotOlderThan, 0,   null, 42",
        // delegated: consistent reads, exact, paging at a revision, continuations, garbage
        "null, null,        0,   null, -1",
        "'',  null,         0,   null, -1",
        "42,  Exact,        0,   null, -1",
        "42,  null,         500, null, -1",
        "42,  NotOlderThan, 500, null, -1",
        "0,   null,         500, tok,  -1",
        "abc, null,         0,   null, -1",
      })
  void servesWhatUpstreamsCacherServes(
      String rv, String match, long limit, String token, long expected) {
    ListRequest request = new ListRequest(rv, match, limit, token, null, null);

    assertThat(CachedListRule.minimumRevision(request)).isEqualTo(expected);
  }
}
