package io.minik8s.apiserver.registry.service.allocator;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.minik8s.api.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One RangeAllocation in etcd, changed by optimistic transactions: an update applies its mutation
 * to a copy of the bitmap it last saw and writes it only if the key's mod_revision is still the one
 * it read; otherwise the transaction's else branch returns the current value, and the update tries
 * again on that. Two API servers therefore never both take the same offset.
 *
 * <p>The last value seen is cached, so an uncontended update costs one round trip. A refusal
 * (taken, full) or a no-op computed from the cache is confirmed on a fresh read before it is
 * reported, since another server may have changed the range since.
 */
final class RangeStore {
  static final int MAX_ATTEMPTS = 64;

  private final KV kv;
  private final ByteSequence key;
  private final String range;
  private final int size;
  private final String mismatchMessage;
  private final AtomicReference<Snapshot> cache = new AtomicReference<>();

  /** The bitmap as of a mod_revision; revision 0 means the key does not exist yet. */
  record Snapshot(long modRevision, AllocationBitmap bitmap) {}

  /** What a mutation did: its result, and whether it changed the bitmap (and must be written). */
  record Outcome<T>(T value, boolean changed) {}

  /** Changes a bitmap in place; throws {@link AllocationException} to refuse. */
  @FunctionalInterface
  interface Mutation<T> {
    Outcome<T> apply(AllocationBitmap bitmap);
  }

  /**
   * @param key the full etcd key, e.g. "/registry/ranges/serviceips"
   * @param range the range this store is for, as written in the RangeAllocation
   * @param size the number of offsets in the range
   * @param mismatchMessage the error when etcd holds another range
   */
  RangeStore(KV kv, String key, String range, int size, String mismatchMessage) {
    this.kv = kv;
    this.key = ByteSequence.from(key.getBytes(StandardCharsets.UTF_8));
    this.range = range;
    this.size = size;
    this.mismatchMessage = mismatchMessage;
  }

  /** Applies the mutation to the current bitmap and stores the result atomically. */
  <T> CompletableFuture<T> update(Mutation<T> mutation) {
    return attempt(mutation, 0, cache.get());
  }

  /** The current bitmap, read from etcd. */
  CompletableFuture<AllocationBitmap> read() {
    return fetch().thenApply(Snapshot::bitmap);
  }

  private <T> CompletableFuture<T> attempt(Mutation<T> mutation, int attempt, Snapshot known) {
    if (attempt >= MAX_ATTEMPTS) {
      return CompletableFuture.failedFuture(
          new AllocationException(
              AllocationException.Reason.CONFLICT,
              "could not update " + key + " after " + MAX_ATTEMPTS + " conflicting attempts"));
    }
    CompletableFuture<Snapshot> state =
        known != null ? CompletableFuture.completedFuture(known) : fetch();
    return state.thenCompose(
        snapshot -> {
          AllocationBitmap next = snapshot.bitmap().copy();
          Outcome<T> outcome;
          try {
            outcome = mutation.apply(next);
          } catch (AllocationException e) {
            return known != null
                ? attempt(mutation, attempt + 1, null)
                : CompletableFuture.failedFuture(e);
          }
          if (!outcome.changed()) {
            return known != null
                ? attempt(mutation, attempt + 1, null)
                : CompletableFuture.completedFuture(outcome.value());
          }
          return write(snapshot, next)
              .thenCompose(
                  current ->
                      current == null
                          ? CompletableFuture.completedFuture(outcome.value())
                          : attempt(mutation, attempt + 1, current));
        });
  }

  /** Writes if unchanged since {@code seen}; returns null on success, else the current state. */
  private CompletableFuture<Snapshot> write(Snapshot seen, AllocationBitmap next) {
    Cmp unchanged =
        seen.modRevision() == 0
            ? new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0))
            : new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(seen.modRevision()));
    ByteSequence value = ByteSequence.from(encode(next));
    return kv.txn()
        .If(unchanged)
        .Then(Op.put(key, value, PutOption.DEFAULT))
        .Else(Op.get(key, GetOption.DEFAULT))
        .commit()
        .thenApply(
            response -> {
              if (response.isSucceeded()) {
                remember(new Snapshot(response.getHeader().getRevision(), next));
                return null;
              }
              List<GetResponse> gets = response.getGetResponses();
              Snapshot current = decode(gets.isEmpty() ? List.of() : gets.get(0).getKvs());
              remember(current);
              return current;
            });
  }

  private CompletableFuture<Snapshot> fetch() {
    return kv.get(key)
        .thenApply(
            response -> {
              Snapshot current = decode(response.getKvs());
              remember(current);
              return current;
            });
  }

  private void remember(Snapshot snapshot) {
    cache.accumulateAndGet(
        snapshot,
        (old, fresh) -> old == null || fresh.modRevision() >= old.modRevision() ? fresh : old);
  }

  private Snapshot decode(List<KeyValue> kvs) {
    if (kvs.isEmpty()) {
      return new Snapshot(0, new AllocationBitmap(size));
    }
    KeyValue kv = kvs.get(0);
    RangeAllocation stored;
    try {
      stored = Serialization.json().readValue(kv.getValue().getBytes(), RangeAllocation.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable RangeAllocation at " + key, e);
    }
    if (!range.equals(stored.range())) {
      throw new AllocationException(AllocationException.Reason.RANGE_MISMATCH, mismatchMessage);
    }
    return new Snapshot(kv.getModRevision(), AllocationBitmap.fromBytes(size, stored.bitmap()));
  }

  private byte[] encode(AllocationBitmap bitmap) {
    try {
      return Serialization.json().writeValueAsBytes(RangeAllocation.of(range, bitmap.toBytes()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
