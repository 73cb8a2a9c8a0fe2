package io.minik8s.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EtcdServerTest {

  @Test
  void sharedServerStoresKeysThatEtcdctlReads() {
    EtcdServer etcd = EtcdServer.shared();
    assertThat(etcd.endpoint()).startsWith("http://127.0.0.1:");

    etcd.etcdctl("put", "/etcd-server-test/k", "v");

    assertThat(etcd.etcdctl("get", "/etcd-server-test/k", "--print-value-only").trim())
        .isEqualTo("v");
    assertThat(EtcdServer.shared()).isSameAs(etcd);
  }

  @Test
  void closeStopsAPrivateServer() throws Exception {
    EtcdServer etcd = EtcdServer.start();
    String endpoint = etcd.endpoint();
    etcd.close();

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/health")).build();
    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }
}
