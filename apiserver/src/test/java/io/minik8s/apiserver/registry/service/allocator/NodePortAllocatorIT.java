package io.minik8s.apiserver.registry.service.allocator;

import static io.minik8s.apiserver.registry.service.allocator.ClusterIpAllocatorIT.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.Client;
import io.minik8s.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class NodePortAllocatorIT {
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
  void twoAllocatorsOnOneEtcdNeverHandOutTheSamePort() throws Exception {
    NodePortAllocator a = new NodePortAllocator(client, prefix, "30000-30049");
    NodePortAllocator b = new NodePortAllocator(client, prefix, "30000-30049");
    List<CompletableFuture<Integer>> requests = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      requests.add(a.allocateNext());
      requests.add(b.allocateNext());
    }

    List<Integer> ports = new ArrayList<>();
    for (CompletableFuture<Integer> request : requests) {
      ports.add(request.get(60, TimeUnit.SECONDS));
    }

    assertThat(ports).doesNotHaveDuplicates().hasSize(50).allMatch(a::contains);
    assertThat(failure(a.allocateNext()).getMessage()).isEqualTo("range is full");
  }

  @Test
  void refusesAPortOutsideTheRangeWithUpstreamsError() {
    NodePortAllocator allocator =
        new NodePortAllocator(client, prefix, NodePortAllocator.DEFAULT_RANGE);

    AllocationException e = failure(allocator.allocate(8080));

    assertThat(e.reason()).isEqualTo(AllocationException.Reason.NOT_IN_RANGE);
    assertThat(NodePortAllocator.fieldError(0, 8080, e).message())
        .isEqualTo(
            "spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range."
                + " The range of valid ports is 30000-32767");
  }

  @Test
  void refusesATakenPortAcrossAllocatorInstances() throws Exception {
    new NodePortAllocator(client, prefix, NodePortAllocator.DEFAULT_RANGE)
        .allocate(30080)
        .get(10, TimeUnit.SECONDS);
    NodePortAllocator restarted =
        new NodePortAllocator(client, prefix, NodePortAllocator.DEFAULT_RANGE);

    AllocationException e = failure(restarted.allocate(30080));

    assertThat(NodePortAllocator.fieldError(1, 30080, e).message())
        .isEqualTo(
            "spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated");
  }

  @Test
  void releaseMakesAPortAvailableAgain() throws Exception {
    NodePortAllocator allocator =
        new NodePortAllocator(client, prefix, NodePortAllocator.DEFAULT_RANGE);
    allocator.allocate(32767).get(10, TimeUnit.SECONDS);
    assertThat(allocator.free().get(10, TimeUnit.SECONDS)).isEqualTo(2767);

    allocator.release(32767).get(10, TimeUnit.SECONDS);

    assertThat(allocator.isAllocated(32767).get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(allocator.allocate(32767).get(10, TimeUnit.SECONDS)).isEqualTo(32767);
  }

  @Test
  void leavesTheLowerPartOfTheRangeToExplicitRequests() throws Exception {
    NodePortAllocator allocator =
        new NodePortAllocator(client, prefix, NodePortAllocator.DEFAULT_RANGE);

    for (int i = 0; i < 20; i++) {
      assertThat(allocator.allocateNext().get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(30086);
    }
  }
}
