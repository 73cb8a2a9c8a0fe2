package io.minik8s.client.rest;

import static io.minik8s.client.rest.TlsFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsExchange;
import io.minik8s.client.ConnectionException;
import io.minik8s.client.RequestMetrics;
import io.minik8s.client.config.ClientConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTPS with the kubeconfig's CA, client certificates in every key format, and skip-verify. */
class TlsTest {
  private StubServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static RestClient client(ClientConfig config) {
    return new RestClient(
        config,
        KubeClients.httpClient(config),
        RateLimiter.UNLIMITED,
        RetryPolicy.NONE,
        new RecordingSleeper(),
        RequestMetrics.NONE);
  }

  /** Answers with the client certificate's subject, as the API server's authenticator reads it. */
  private static StubServer.Reply peer() {
    return exchange -> {
      String subject = ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName();
      StubServer.json(200, "{\"user\":\"" + subject + "\"}", Map.of()).answer(exchange);
    };
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "client-rsa.crt, client-rsa-pkcs1.key, CN=rsa-user",
    "client-rsa.crt, client-rsa-pkcs8.key, CN=rsa-user",
    "client-ec.crt, client-ec.key, 'O=system:masters,CN=ec-user'",
    "client-ec.crt, client-ec-pkcs8.key, 'O=system:masters,CN=ec-user'"
  })
  void theServerIsTrustedThroughTheCaAndSeesTheClientCertificate(
      String cert, String key, String subject) throws Exception {
    server = TlsFixtures.httpsServer(true).then(peer());
    ClientConfig config =
        ClientConfig.forServer(server.url()).withTls(pem("ca.crt"), pem(cert), pem(key), false);
    RestResponse answer = client(config).send("GET", "/api/v1/namespaces", null, null);
    assertThat(answer.json().path("user").asText()).isEqualTo(subject);
  }

  @Test
  void theBearerTokenIsSentOverHttps() throws Exception {
    server = TlsFixtures.httpsServer(false).thenJson(200, "{}");
    ClientConfig config =
        ClientConfig.forServer(server.url())
            .withToken("abc.def")
            .withTls(pem("ca.crt"), null, null, false);
    client(config).send("GET", "/api", null, null);
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer abc.def");
  }

  @Test
  void aServerOutsideTheTrustedCasIsRefused() throws Exception {
    server = TlsFixtures.httpsServer(false).thenJson(200, "{}");
    ClientConfig jdkTrust = ClientConfig.forServer(server.url());
    ConnectionException e =
        catchThrowableOfType(
            ConnectionException.class, () -> client(jdkTrust).send("GET", "/api", null, null));
    assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);

    ClientConfig wrongCa = jdkTrust.withTls(pem("client-ec.crt"), null, null, false);
    assertThat(
            catchThrowableOfType(
                ConnectionException.class, () -> client(wrongCa).send("GET", "/api", null, null)))
        .isNotNull();
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void insecureSkipTlsVerifyAcceptsAnUntrustedServer() throws Exception {
    server = TlsFixtures.httpsServer(false).thenJson(200, "{\"ok\":true}");
    ClientConfig insecure = ClientConfig.forServer(server.url()).withTls(null, null, null, true);
    assertThat(client(insecure).send("GET", "/api", null, null).json().path("ok").asBoolean())
        .isTrue();
  }
}
