package io.minik8s.apiserver.storage.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.Preconditions;
import io.minik8s.apiserver.storage.Storage;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import io.minik8s.apiserver.storage.WatchListener;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage of one resource in etcd, following upstream's etcd3 store: values are the objects'
 * JSON without resourceVersion (the key's mod_revision is the version), creates and writes are
 * transactions that compare the key's version or mod_revision, lists read pages at one revision,
 * and watches are etcd watches with previous values.
 *
 * <p>One instance per resource type; all instances may share one jetcd {@link Client}, which the
 * caller owns and closes. Watches delivered by {@link #watch} may include BOOKMARK events: etcd's
 * progress notifications (see {@link #requestProgress()}), meaning that nothing under the prefix
 * changed up to that revision.
 */
public final class EtcdStorage implements Storage {
  /**
   * Optimistic write attempts before giving up with CONFLICT. Upstream retries forever; every lost
   * attempt means another writer succeeded, so only a hot key under many writers gets near this.
   */
  static final int MAX_ATTEMPTS = 100;

  private static final ByteSequence REVISION_PROBE_KEY = ByteSequence.from("/", UTF_8);

  private final Client client;
  private final KV kv;
  private final ObjectCodec codec;
  private final LeaseCache leases;
  private final EtcdLister lister;
  private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();

  /** Storage of {@code type}'s objects through {@code client}. */
  public EtcdStorage(Client client, ResourceType type) {
    this(client, type, Clock.systemUTC());
  }

  /**
   * @param clock decides when a lease for keys with a time to live may be reused
   */
  public EtcdStorage(Client client, ResourceType type, Clock clock) {
    this.client = client;
    this.kv = client.getKVClient();
    this.codec = new ObjectCodec(type.type());
    this.leases = new LeaseCache(client.getLeaseClient(), clock);
    this.lister = new EtcdLister(kv, codec);
  }

  @Override
  public CompletableFuture<HasMetadata> create(String key, HasMetadata object, long ttlSeconds) {
    ByteSequence k = bytes(key);
    return Futures.settle(
        () -> {
          ByteSequence value = codec.encode(key, object);
          CompletableFuture<Long> lease =
              ttlSeconds > 0
                  ? etcd(leases.leaseFor(ttlSeconds), key)
                  : CompletableFuture.completedFuture(0L);
          return lease
              .thenCompose(
                  leaseId ->
                      etcd(
                          kv.txn()
                              .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0)))
                              .Then(Op.put(k, value, putOption(leaseId)))
                              .commit(),
                          key))
              .thenApply(
                  txn -> {
                    if (!txn.isSucceeded()) {
                      throw new StorageException(Reason.KEY_EXISTS, key, "key exists: " + key);
                    }
                    return codec.decode(key, value, txn.getHeader().getRevision());
                  });
        });
  }

  @Override
  public CompletableFuture<HasMetadata> get(String key) {
    return Futures.settle(
        () ->
            read(key)
                .thenApply(
                    current -> {
                      if (current == null) {
                        throw notFound(key);
                      }
                      return codec.decode(key, current.getValue(), current.getModRevision());
                    }));
  }

  @Override
  public CompletableFuture<ListResult> list(String prefix, ListRequest request) {
    return Futures.settle(() -> lister.list(prefix, request));
  }

  @Override
  public CompletableFuture<HasMetadata> guaranteedUpdate(
      String key, Preconditions preconditions, UpdateFunction tryUpdate) {
    return Futures.settle(() -> update(key, preconditions, tryUpdate, read(key), 1));
  }

  /**
   * One optimistic attempt: {@code current} is the freshest known state (null: absent). A lost race
   * hands the state etcd returned in the transaction's else branch to the next attempt, saving a
   * read, as upstream does.
   */
  private CompletableFuture<HasMetadata> update(
      String key,
      Preconditions preconditions,
      UpdateFunction tryUpdate,
      CompletableFuture<KeyValue> current,
      int attempt) {
    ByteSequence k = bytes(key);
    return current.thenCompose(
        stored -> {
          if (stored == null) {
            throw notFound(key);
          }
          HasMetadata object = codec.decode(key, stored.getValue(), stored.getModRevision());
          preconditions.check(key, object);
          HasMetadata updated = tryUpdate.apply(object);
          ByteSequence value = codec.encode(key, updated);
          if (value.equals(stored.getValue())) {
            return CompletableFuture.completedFuture(object);
          }
          // keep the key's lease (Events): the update function has no say in the time to live
          return etcd(
                  kv.txn()
                      .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(stored.getModRevision())))
                      .Then(Op.put(k, value, putOption(stored.getLease())))
                      .Else(Op.get(k, GetOption.DEFAULT))
                      .commit(),
                  key)
              .thenCompose(
                  txn -> {
                    if (txn.isSucceeded()) {
                      return CompletableFuture.completedFuture(
                          codec.decode(key, value, txn.getHeader().getRevision()));
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                      throw conflict(key);
                    }
                    KeyValue fresh = first(txn.getGetResponses().get(0));
                    return update(
                        key,
                        preconditions,
                        tryUpdate,
                        CompletableFuture.completedFuture(fresh),
                        attempt + 1);
                  });
        });
  }

  @Override
  public CompletableFuture<HasMetadata> delete(String key, Preconditions preconditions) {
    return Futures.settle(() -> delete(key, preconditions, read(key), 1));
  }

  private CompletableFuture<HasMetadata> delete(
      String key, Preconditions preconditions, CompletableFuture<KeyValue> current, int attempt) {
    ByteSequence k = bytes(key);
    return current.thenCompose(
        stored -> {
          if (stored == null) {
            throw notFound(key);
          }
          HasMetadata object = codec.decode(key, stored.getValue(), stored.getModRevision());
          preconditions.check(key, object);
          return etcd(
                  kv.txn()
                      .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(stored.getModRevision())))
                      .Then(Op.delete(k, DeleteOption.builder().withPrevKV(true).build()))
                      .Else(Op.get(k, GetOption.DEFAULT))
                      .commit(),
                  key)
              .thenCompose(
                  txn -> {
                    if (txn.isSucceeded()) {
                      return CompletableFuture.completedFuture(object);
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                      throw conflict(key);
                    }
                    KeyValue fresh = first(txn.getGetResponses().get(0));
                    return delete(
                        key, preconditions, CompletableFuture.completedFuture(fresh), attempt + 1);
                  });
        });
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    EtcdWatch watch = new EtcdWatch(prefix, afterRevision, listener, codec, watches::remove);
    watches.add(watch);
    watch.start(client.getWatchClient());
    return watch;
  }

  @Override
  public CompletableFuture<Long> currentRevision() {
    return Futures.settle(
        () ->
            etcd(kv.get(REVISION_PROBE_KEY, GetOption.builder().withCountOnly(true).build()), null)
                .thenApply(response -> response.getHeader().getRevision()));
  }

  /**
   * Asks etcd to send a progress notification on every watch of this client: each then gets a
   * BOOKMARK at etcd's current revision once it has delivered everything before it. The watch cache
   * uses this to learn that it is fresh when its resource has been quiet.
   */
  public void requestProgress() {
    client.getWatchClient().requestProgress();
  }

  /** Ends this storage's open watches; the jetcd client stays open. */
  @Override
  public void close() {
    for (EtcdWatch watch : Set.copyOf(watches)) {
      watch.close();
    }
  }

  private CompletableFuture<KeyValue> read(String key) {
    return etcd(kv.get(bytes(key)), key).thenApply(EtcdStorage::first);
  }

  private static KeyValue first(GetResponse response) {
    return response.getKvs().isEmpty() ? null : response.getKvs().get(0);
  }

  private static PutOption putOption(long leaseId) {
    return leaseId == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(leaseId).build();
  }

  /** An etcd call whose failure becomes a StorageException. */
  static <T> CompletableFuture<T> etcd(CompletableFuture<T> call, String key) {
    return call.exceptionallyCompose(
        t -> CompletableFuture.failedFuture(EtcdErrors.translate(t, key)));
  }

  static ByteSequence bytes(String key) {
    return ByteSequence.from(key, UTF_8);
  }

  private static StorageException notFound(String key) {
    return new StorageException(Reason.NOT_FOUND, key, "key not found: " + key);
  }

  private static StorageException conflict(String key) {
    return new StorageException(
        Reason.CONFLICT,
        key,
        "Operation cannot be fulfilled on "
            + key
            + ": the object has been modified; please apply your changes to the latest version"
            + " and try again");
  }
}
