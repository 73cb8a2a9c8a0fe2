package io.minik8s.apiserver.registry.service.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.minik8s.api.Serialization;
import io.minik8s.testing.EtcdServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ClusterIpAllocatorIT {
  private static Client client;
  private String prefix;

  @BeforeAll
  static void connect() {
    client = Client.builder().endpoints(EtcdServer.shared().endpoint()).build();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @BeforeEach
  void isolate() {
    prefix = "/it-" + UUID.randomUUID() + "/registry";
  }

  @Test
  void twoAllocatorsOnOneEtcdNeverHandOutTheSameAddress() throws Exception {
    // a /26 has 62 usable addresses: two servers racing for all of them
    ClusterIpAllocator a = new ClusterIpAllocator(client, prefix, "10.0.0.0/26");
    ClusterIpAllocator b = new ClusterIpAllocator(client, prefix, "10.0.0.0/26");
    List<CompletableFuture<String>> requests = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      requests.add(a.allocateNext());
      requests.add(b.allocateNext());
    }

    List<String> ips = new ArrayList<>();
    for (CompletableFuture<String> request : requests) {
      ips.add(request.get(60, TimeUnit.SECONDS));
    }

    assertThat(ips).doesNotHaveDuplicates().hasSize(62).allMatch(a::contains);
    assertThat(reason(b.allocateNext())).isEqualTo(AllocationException.Reason.FULL);
  }

  @Test
  void allocationsSurviveANewAllocatorInstance() throws Exception {
    ClusterIpAllocator first =
        new ClusterIpAllocator(client, prefix, ClusterIpAllocator.DEFAULT_RANGE);
    first.allocate("10.96.0.10").get(10, TimeUnit.SECONDS);

    ClusterIpAllocator second =
        new ClusterIpAllocator(client, prefix, ClusterIpAllocator.DEFAULT_RANGE);

    assertThat(second.isAllocated("10.96.0.10").get(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> second.allocate("10.96.0.10").get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(AllocationException.class)
        .cause()
        .hasMessage("provided IP is already allocated");
  }

  @Test
  void refusesAnAddressOutsideTheRangeWithUpstreamsError() {
    ClusterIpAllocator allocator =
        new ClusterIpAllocator(client, prefix, ClusterIpAllocator.DEFAULT_RANGE);

    AllocationException e = failure(allocator.allocate("10.0.0.1"));

    assertThat(e.reason()).isEqualTo(AllocationException.Reason.NOT_IN_RANGE);
    assertThat(ClusterIpAllocator.fieldError(List.of("10.0.0.1"), "10.0.0.1", e).message())
        .isEqualTo(
            "spec.clusterIPs: Invalid value: []string{\"10.0.0.1\"}: failed to allocate IP"
                + " 10.0.0.1: provided IP is not in the valid range. The range of valid IPs is"
                + " 10.96.0.0/12");
  }

  @Test
  void neverHandsOutTheNetworkOrBroadcastAddress() {
    ClusterIpAllocator allocator = new ClusterIpAllocator(client, prefix, "10.0.0.0/24");

    assertThat(failure(allocator.allocate("10.0.0.0")).reason())
        .isEqualTo(AllocationException.Reason.NOT_IN_RANGE);
    assertThat(failure(allocator.allocate("10.0.0.255")).reason())
        .isEqualTo(AllocationException.Reason.NOT_IN_RANGE);
    assertThat(allocator.firstAddress()).isEqualTo("10.0.0.1");
  }

  @Test
  void releaseMakesAnAddressAvailableAgain() throws Exception {
    ClusterIpAllocator allocator =
        new ClusterIpAllocator(client, prefix, ClusterIpAllocator.DEFAULT_RANGE);
    allocator.allocate("10.96.0.1").get(10, TimeUnit.SECONDS);

    allocator.release("10.96.0.1").get(10, TimeUnit.SECONDS);

    assertThat(allocator.allocate("10.96.0.1").get(10, TimeUnit.SECONDS)).isEqualTo("10.96.0.1");
  }

  @Test
  void seesAReleaseByAnotherServerDespiteItsCachedView() throws Exception {
    ClusterIpAllocator a = new ClusterIpAllocator(client, prefix, ClusterIpAllocator.DEFAULT_RANGE);
    ClusterIpAllocator b = new ClusterIpAllocator(client, prefix, ClusterIpAllocator.DEFAULT_RANGE);
    a.allocate("10.96.0.20").get(10, TimeUnit.SECONDS);
    assertThat(failure(b.allocate("10.96.0.20")).reason())
        .isEqualTo(AllocationException.Reason.ALREADY_ALLOCATED);

    a.release("10.96.0.20").get(10, TimeUnit.SECONDS);

    assertThat(b.allocate("10.96.0.20").get(10, TimeUnit.SECONDS)).isEqualTo("10.96.0.20");
  }

  @Test
  void storesAnUpstreamShapedRangeAllocationAtUpstreamsKey() throws Exception {
    ClusterIpAllocator allocator = new ClusterIpAllocator(client, prefix, "10.96.0.0/12");
    allocator.allocate("10.96.0.1").get(10, TimeUnit.SECONDS);
    allocator.allocate("10.96.0.10").get(10, TimeUnit.SECONDS);

    var kvs =
        client
            .getKVClient()
            .get(ByteSequence.from(prefix + "/ranges/serviceips", StandardCharsets.UTF_8))
            .get(10, TimeUnit.SECONDS)
            .getKvs();
    @SuppressWarnings("unchecked")
    Map<String, Object> stored =
        Serialization.json().readValue(kvs.get(0).getValue().getBytes(), Map.class);

    assertThat(stored)
        .containsEntry("kind", "RangeAllocation")
        .containsEntry("apiVersion", "v1")
        .containsEntry("range", "10.96.0.0/12")
        // offsets 0 and 9: big-endian 0x02 0x01
        .containsEntry("data", "AgE=");
  }

  @Test
  void refusesToWorkOnABitmapOfAnotherRange() throws Exception {
    new ClusterIpAllocator(client, prefix, "10.96.0.0/12").allocateNext().get(10, TimeUnit.SECONDS);

    ClusterIpAllocator other = new ClusterIpAllocator(client, prefix, "10.100.0.0/16");

    assertThat(failure(other.allocateNext()).reason())
        .isEqualTo(AllocationException.Reason.RANGE_MISMATCH);
  }

  static AllocationException failure(CompletableFuture<?> future) {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof AllocationException)) {
        cause = cause.getCause();
      }
      if (cause != null) {
        return (AllocationException) cause;
      }
      throw new AssertionError("failed otherwise", e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("allocation succeeded");
  }

  private static AllocationException.Reason reason(CompletableFuture<?> future) {
    return failure(future).reason();
  }
}
