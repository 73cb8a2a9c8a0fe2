package io.minik8s.apiserver;

import io.etcd.jetcd.Client;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.admission.AdmissionChain;
import io.minik8s.apiserver.admission.DefaultTolerationSeconds;
import io.minik8s.apiserver.admission.NamespaceLifecycle;
import io.minik8s.apiserver.admission.PriorityAdmission;
import io.minik8s.apiserver.auth.Authenticator;
import io.minik8s.apiserver.auth.Authorizer;
import io.minik8s.apiserver.bootstrap.Bootstrap;
import io.minik8s.apiserver.endpoints.ApiRouter;
import io.minik8s.apiserver.endpoints.Discovery;
import io.minik8s.apiserver.endpoints.Health;
import io.minik8s.apiserver.endpoints.ResourceEndpoints;
import io.minik8s.apiserver.endpoints.WatchEndpoint;
import io.minik8s.apiserver.endpoints.table.Printers;
import io.minik8s.apiserver.endpoints.table.TableConvertor;
import io.minik8s.apiserver.http.HttpServer;
import io.minik8s.apiserver.http.InflightLimiter;
import io.minik8s.apiserver.registry.GenericStore;
import io.minik8s.apiserver.registry.Registry;
import io.minik8s.apiserver.registry.ResourceStrategy;
import io.minik8s.apiserver.registry.Strategies;
import io.minik8s.apiserver.registry.service.ServiceStrategy;
import io.minik8s.apiserver.registry.service.allocator.ClusterIpAllocator;
import io.minik8s.apiserver.registry.service.allocator.NodePortAllocator;
import io.minik8s.apiserver.storage.cache.CacherOptions;
import io.minik8s.apiserver.storage.cache.Cacher;
import io.minik8s.apiserver.storage.etcd.Compactor;
import io.minik8s.apiserver.storage.etcd.EtcdStorage;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of kube-apiserver: etcd client → storage (etcd + watch cache) → registry
 * (strategies, allocators) → admission → endpoints → HTTP. Also bootstraps the built-in objects
 * and runs the etcd compactor.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** Reported by /version: clients pick their behaviour from major/minor. */
  public static final Map<String, String> VERSION = Map.of(
      "major", "1", "minor", "32", "gitVersion", "v1.32.4",
      "gitCommit", "0000000000000000000000000000000000000000", "gitTreeState", "clean",
      "buildDate", "2026-11-25T00:00:00Z", "goVersion", "java17", "compiler", "javac",
      "platform", "linux/amd64");

  private final ApiServerOptions options;
  private final Clock clock = Clock.systemUTC();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Client etcd;
  private HttpServer http;
  private InetSocketAddress address;
  private Registry registry;

  public ApiServer(ApiServerOptions options) {
    this.options = options;
  }

  /** Starts serving; returns once the built-in objects exist. */
  public void start() throws Exception {
    // lists of many objects exceed gRPC's default 4 MiB answer; upstream allows MaxInt32 too
    etcd = Client.builder().endpoints(options.etcdServers.toArray(String[]::new))
        .maxInboundMessageSize(Integer.MAX_VALUE).build();
    ResourceRegistry types = ResourceRegistry.builtIn();
    String prefix = options.etcdPrefix;

    ClusterIpAllocator ips =
        new ClusterIpAllocator(etcd, prefix, options.serviceClusterIpRange);
    NodePortAllocator ports =
        new NodePortAllocator(etcd, prefix, options.serviceNodePortRange);
    ResourceType serviceType = types.find("", "v1", "services").orElseThrow();
    ResourceStrategy services = new ServiceStrategy(serviceType, ips, ports);
    Map<ResourceType, ResourceStrategy> strategies =
        Strategies.all(types, services, options.eventTtl.toSeconds());

    ScheduledExecutorService timers = Executors.newScheduledThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("timers"));
    closeables.add(timers::shutdownNow);
    Map<ResourceType, GenericStore> stores = new LinkedHashMap<>();
    List<CompletableFuture<Void>> cachesReady = new ArrayList<>();
    for (var entry : strategies.entrySet()) {
      ResourceType type = entry.getKey();
      EtcdStorage etcdStorage = new EtcdStorage(etcd, type, clock);
      closeables.add(etcdStorage);
      Cacher cacher = newCacher(etcdStorage, type, prefix, timers);
      closeables.add(cacher);
      cachesReady.add(cacher.start());
      stores.put(type, new GenericStore(entry.getValue(), cacher, prefix, clock));
    }
    registry = new Registry(types, stores);

    AdmissionChain admission = new AdmissionChain(List.of(
        new NamespaceLifecycle(registry.store("", "namespaces")),
        new DefaultTolerationSeconds(options.defaultNotReadyTolerationSeconds,
            options.defaultUnreachableTolerationSeconds),
        new PriorityAdmission(registry.store("scheduling.k8s.io", "priorityclasses"))));
    WatchEndpoint watches = new WatchEndpoint(timers, options.minRequestTimeout,
        new TableConvertor(Printers.builtIn(), clock));
    GenericStore namespaces = registry.store("", "namespaces");
    Health health = new Health(() -> namespaces.storage().currentRevision()
        .orTimeout(2, TimeUnit.SECONDS).thenApply(rev -> true));
    ApiRouter router = new ApiRouter(Authenticator.localAdmin(), Authorizer.alwaysAllow(),
        new ResourceEndpoints(registry, admission, watches, options.requestTimeout), new Discovery(types), health,
        VERSION, this::serverAddress);

    int workerThreads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
    ThreadPoolExecutor workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60,
        TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), daemon("api-worker"));
    closeables.add(workers::shutdownNow);
    CompletableFuture.allOf(cachesReady.toArray(CompletableFuture[]::new))
        .get(60, TimeUnit.SECONDS);
    http = new HttpServer();
    address = http.start(options.bindAddress, options.port, router, workers,
        new InflightLimiter(options.maxRequestsInflight, options.maxMutatingRequestsInflight));
    String advertise = advertiseAddress();
    new Bootstrap(registry, ips.firstAddress(), advertise, address.getPort()).run()
        .get(60, TimeUnit.SECONDS);
    if (!options.etcdCompactionInterval.isZero()) {
      Compactor compactor = new Compactor(etcd.getKVClient(), options.etcdCompactionInterval, timers);
      compactor.start();
      closeables.add(compactor);
    }
    LOG.info("kube-apiserver serving on http://{}:{} (etcd {})", address.getHostString(),
        address.getPort(), options.etcdServers);
  }

  private Cacher newCacher(EtcdStorage etcdStorage, ResourceType type, String prefix,
      ScheduledExecutorService executor) {
    // the field selectors components watch with get an index, as upstream's cacher indexers
    List<String> indexed = type.resource().equals("pods") ? List.of("spec.nodeName") : List.of();
    CacherOptions cacherOptions = CacherOptions.defaults()
        .withIndexedFields(indexed)
        .withProgressRequester(etcdStorage::requestProgress)
        .withBookmarkInterval(options.watchBookmarkInterval);
    return new Cacher(etcdStorage, type, prefix, cacherOptions, executor);
  }

  private String advertiseAddress() {
    if (options.advertiseAddress != null) {
      return options.advertiseAddress;
    }
    String bind = options.bindAddress;
    return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
  }

  private String serverAddress() {
    return advertiseAddress() + ":" + address.getPort();
  }

  /** The bound port (useful with --port=0). */
  public int port() {
    return address.getPort();
  }

  /** The base URL, e.g. http://127.0.0.1:8080. */
  public String url() {
    return "http://" + address.getHostString() + ":" + address.getPort();
  }

  public Registry registry() {
    return registry;
  }

  public void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    LOG.info("kube-apiserver stopping");
    if (http != null) {
      http.close();
    }
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping", e);
      }
    }
    if (etcd != null) {
      etcd.close();
    }
    stopped.countDown();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
