package io.minik8s.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.testing.EtcdServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadinessIT {

  @Test
  void isNotReadyWhileEtcdIsUnreachableButStaysLive() {
    EtcdServer etcd = EtcdServer.start();
    try (TestApiServer server = TestApiServer.start(etcd, "/registry", "--request-timeout=3s")) {
      Http http = new Http(server.url());
      assertThat(http.get("/readyz").code()).isEqualTo(200);
      etcd.close();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Http.Answer ready = http.get("/readyz");
        assertThat(ready.code()).isEqualTo(500);
        assertThat(ready.body()).contains("[-]etcd failed");
      });
      assertThat(http.get("/livez").code()).isEqualTo(200);
      Http.Answer write = http.post("/api/v1/namespaces/default/configmaps",
          "{\"metadata\":{\"name\":\"while-down\"}}");
      assertThat(write.code()).isEqualTo(504);
      assertThat(write.json().get("kind").asText()).isEqualTo("Status");
    } finally {
      etcd.close();
    }
  }
}
