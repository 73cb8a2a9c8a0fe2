package io.minik8s.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * List latency of all {@link BenchContext#POPULATION} Pods, one list at a time, timed to the last
 * byte of the body: from the watch cache (resourceVersion=0), from etcd in one response (no
 * resourceVersion: a consistent read), and from etcd in pages of 500 (limit/continue, as
 * client-go's pager and fabric8 informers list).
 */
final class ListBenchmark implements Benchmark {
  private static final int WARM_UP = 3;
  private static final int SAMPLES = 30;
  private static final int PAGE = 500;
  private static final Pattern CONTINUE = Pattern.compile("\"continue\":\"([^\"]+)\"");
  private static final Pattern HTTP_CODE = Pattern.compile("HTTP (\\d{3})");
  private static final Pattern STATUS_MESSAGE = Pattern.compile("\"message\":\"([^\"]+)\"");

  @Override
  public String name() {
    return "list";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    context.ensurePopulation();
    Api api = context.api();
    // resourceVersion=0 may answer from a cache a few events behind the last create: let it catch
    // up (each list takes a while, so this loop polls at the pace of the server)
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int items;
    do {
      items = new ObjectMapper().readTree(api.get("/api/v1/pods?resourceVersion=0"))
          .path("items").size();
    } while (items < BenchContext.POPULATION && System.nanoTime() < deadline);
    if (items != BenchContext.POPULATION) {
      context.report().note("list: the server holds " + items + " Pods, not "
          + BenchContext.POPULATION);
    }
    measure(context, "from the watch cache (resourceVersion=0)",
        () -> api.get("/api/v1/pods?resourceVersion=0").length);
    measure(context, "from etcd (no resourceVersion)", () -> api.get("/api/v1/pods").length);
    measure(context, "from etcd in pages of " + PAGE, () -> pagedList(api));
  }

  /** Lists every Pod in pages; the bytes read. */
  private static int pagedList(Api api) {
    int bytes = 0;
    String token = null;
    do {
      String path = "/api/v1/pods?limit=" + PAGE + (token == null ? ""
          : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      byte[] page = api.get(path);
      bytes += page.length;
      // metadata comes before the items, so the token is near the start of the page
      Matcher m = CONTINUE.matcher(new String(page, 0, Math.min(page.length, 2048),
          StandardCharsets.UTF_8));
      token = m.find() ? m.group(1) : null;
    } while (token != null);
    return bytes;
  }

  private void measure(BenchContext context, String source, ListCall call) {
    String figure = "list " + BenchContext.POPULATION + " Pods " + source;
    double[] millis = new double[SAMPLES];
    int bytes = 0;
    try {
      for (int i = 0; i < WARM_UP; i++) {
        call.list();
      }
      for (int i = 0; i < SAMPLES; i++) {
        long start = System.nanoTime();
        bytes = call.list();
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
    } catch (RuntimeException e) {
      // a list the server cannot answer is a finding, not the end of the run
      context.report().add(name(), figure, "error", shorten(e.getMessage()));
      return;
    }
    Arrays.sort(millis);
    String detail = SAMPLES + " lists of " + Report.mebibytes(bytes);
    context.report().add(name(), figure + ", p50", Report.millis(percentile(millis, 0.50)),
        detail);
    context.report().add(name(), figure + ", p99", Report.millis(percentile(millis, 0.99)),
        detail);
  }

  /** "HTTP code: Status message" of a failed request, else the start of the error. */
  private static String shorten(String message) {
    if (message == null) {
      return "";
    }
    Matcher code = HTTP_CODE.matcher(message);
    Matcher status = STATUS_MESSAGE.matcher(message);
    if (code.find() && status.find()) {
      return "HTTP " + code.group(1) + ": " + status.group(1).trim();
    }
    return message.substring(0, Math.min(message.length(), 200));
  }

  private static double percentile(double[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** One complete list; the bytes it read. */
  @FunctionalInterface
  private interface ListCall {
    int list();
  }
}
