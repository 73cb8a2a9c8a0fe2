package io.minik8s.apiserver.storage.cache;

import static io.minik8s.apiserver.storage.StorageAssertions.await;

import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageContractTest;
import io.minik8s.apiserver.storage.TestEtcd;
import io.minik8s.apiserver.storage.etcd.EtcdStorage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/** The storage contract against the watch cache in front of a real etcd. */
@Timeout(120)
class CacherContractIT extends StorageContractTest {
  private static final ScheduledExecutorService EXECUTOR = Executors.newScheduledThreadPool(4);

  @AfterAll
  static void stopExecutor() {
    EXECUTOR.shutdownNow();
  }

  @Override
  protected Storage newStorage(String etcdPrefix) {
    EtcdStorage etcd = new EtcdStorage(TestEtcd.client(), TestEtcd.PODS);
    CacherOptions options =
        new CacherOptions(
            1000,
            1000,
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofMillis(100),
            List.of("spec.nodeName"),
            etcd::requestProgress);
    Cacher cacher = new Cacher(etcd, TestEtcd.PODS, etcdPrefix, options, EXECUTOR);
    await(cacher.start());
    return cacher;
  }
}
