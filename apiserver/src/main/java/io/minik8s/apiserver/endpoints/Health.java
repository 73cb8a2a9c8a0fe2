package io.minik8s.apiserver.endpoints;

import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.http.Responder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * /healthz, /livez and /readyz with upstream's plain-text answers. Readiness (and health) include
 * the etcd check, so a server that lost etcd is taken out of rotation; liveness does not.
 */
public final class Health {
  private final Supplier<CompletableFuture<Boolean>> etcdCheck;

  public Health(Supplier<CompletableFuture<Boolean>> etcdCheck) {
    this.etcdCheck = etcdCheck;
  }

  boolean handles(String path) {
    return path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")
        || path.startsWith("/healthz/") || path.startsWith("/livez/")
        || path.startsWith("/readyz/");
  }

  void handle(String path, ApiRequest request, Responder responder) {
    String endpoint = path.substring(1).split("/")[0];
    boolean verbose = request.param("verbose") != null;
    boolean checksEtcd = !endpoint.equals("livez") || path.endsWith("/etcd");
    CompletableFuture<Boolean> etcd =
        checksEtcd ? etcdCheck.get() : CompletableFuture.completedFuture(true);
    etcd.exceptionally(e -> false).thenAccept(ok -> {
      String body;
      if (verbose) {
        body = "[+]ping ok\n[+]log ok\n" + (checksEtcd ? (ok ? "[+]etcd ok\n"
            : "[-]etcd failed: reason withheld\n") : "")
            + endpoint + " check " + (ok ? "passed" : "failed") + "\n";
      } else {
        body = ok ? "ok" : "[-]etcd failed: reason withheld\n" + endpoint + " check failed";
      }
      responder.respond(ok ? 200 : 500, "text/plain; charset=utf-8",
          body.getBytes(StandardCharsets.UTF_8), Map.of("X-Content-Type-Options", "nosniff"));
    });
  }
}
