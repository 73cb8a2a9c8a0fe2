package io.minik8s.apiserver.storage.cache;

import static io.minik8s.apiserver.storage.StorageAssertions.await;
import static io.minik8s.apiserver.storage.TestEtcd.PODS;
import static io.minik8s.apiserver.storage.TestPods.pod;
import static io.minik8s.apiserver.storage.TestPods.rv;
import static org.awaitility.Awaitility.await;

import io.etcd.jetcd.ByteSequence;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.minik8s.apiserver.storage.TestEtcd;
import io.minik8s.apiserver.storage.etcd.EtcdStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The setup of the watch cache tests: a fresh key prefix, an EtcdStorage wrapped in a {@link
 * CountingStorage}, and a cacher each test starts with its own options.
 */
@Timeout(60)
abstract class CacherFixture {
  static final Duration DEADLINE = Duration.ofSeconds(10);

  String etcdPrefix;
  EtcdStorage etcd;
  CountingStorage counting;
  Cacher cacher;
  ScheduledExecutorService executor;

  @BeforeEach
  void createDelegate() {
    etcdPrefix = TestEtcd.uniquePrefix();
    etcd = new EtcdStorage(TestEtcd.client(), PODS);
    counting = new CountingStorage(etcd);
    executor = Executors.newScheduledThreadPool(4);
  }

  @AfterEach
  void closeCacher() {
    if (cacher != null) {
      cacher.close();
    }
    etcd.close();
    executor.shutdownNow();
  }

  void start(CacherOptions options) {
    cacher = new Cacher(counting, PODS, etcdPrefix, options, executor);
    await(cacher.start());
  }

  HasMetadata create(Pod pod) {
    String key =
        PODS.etcdKey(etcdPrefix, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    return await(cacher.create(key, pod, 0));
  }

  String prefix(String namespace) {
    return PODS.etcdPrefix(etcdPrefix, namespace);
  }

  void awaitCacheAt(HasMetadata written) {
    await().atMost(DEADLINE).until(() -> cacher.currentCacheRevision() >= rv(written));
  }

  long bumpEtcdRevisionOutsideThePods() {
    ByteSequence key = ByteSequence.from(etcdPrefix + "/other/x", StandardCharsets.UTF_8);
    return await(TestEtcd.client().getKVClient().put(key, key)).getHeader().getRevision();
  }
}
