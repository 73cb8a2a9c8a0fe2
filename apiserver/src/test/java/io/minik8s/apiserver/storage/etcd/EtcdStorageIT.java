package io.minik8s.apiserver.storage.etcd;

import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageContractTest;
import io.minik8s.apiserver.storage.TestEtcd;
import org.junit.jupiter.api.Timeout;

/** The storage contract against a real etcd. */
@Timeout(120)
class EtcdStorageIT extends StorageContractTest {
  @Override
  protected Storage newStorage(String etcdPrefix) {
    return new EtcdStorage(TestEtcd.client(), TestEtcd.PODS);
  }
}
