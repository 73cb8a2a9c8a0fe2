package io.minik8s.apiserver.storage.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.apiserver.storage.ListRequest;
import io.minik8s.apiserver.storage.ListResult;
import io.minik8s.apiserver.storage.StorageException;
import io.minik8s.apiserver.storage.StorageException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lists with upstream's etcd3 GetList semantics: one revision for every page of a list, selectors
 * applied before the limit, and further etcd pages (doubling in size) fetched until the limit is
 * filled or the range ends.
 */
final class EtcdLister {
  /** Upstream's cap on the etcd page size while filling a filtered page. */
  static final long MAX_ETCD_PAGE = 10_000;

  static final String LIST_EXPIRED = "The resourceVersion for the provided list is too old.";
  static final String CONTINUE_EXPIRED =
      "The provided continue parameter is too old to display a consistent list result. You can"
          + " start a new list without the continue parameter.";

  private final KV kv;
  private final ObjectCodec codec;

  EtcdLister(KV kv, ObjectCodec codec) {
    this.kv = kv;
    this.codec = codec;
  }

  CompletableFuture<ListResult> list(String prefix, ListRequest request) {
    ListPlan plan = ListPlan.of(prefix, request);
    Page page = new Page(prefix, request, plan);
    return fetch(page, plan.startKey(), request.limit(), plan.readRevision());
  }

  private CompletableFuture<ListResult> fetch(Page page, String from, long etcdLimit, long rev) {
    GetOption.Builder option =
        GetOption.builder().withRange(rangeEnd(page.prefix)).withLimit(etcdLimit);
    if (rev > 0) {
      option.withRevision(rev);
    }
    return kv.get(ByteSequence.from(from, UTF_8), option.build())
        .exceptionallyCompose(t -> CompletableFuture.failedFuture(readFailure(page, t)))
        .thenCompose(
            response -> {
              page.check(response.getHeader().getRevision());
              boolean more = page.take(response);
              if (!more || !page.paging() || page.full()) {
                return CompletableFuture.completedFuture(page.result(more, response.getCount()));
              }
              // selectors dropped objects: read on at the same revision with a larger etcd page
              long nextLimit =
                  etcdLimit < MAX_ETCD_PAGE ? Math.min(etcdLimit * 2, MAX_ETCD_PAGE) : etcdLimit;
              long pinned = rev > 0 ? rev : response.getHeader().getRevision();
              return fetch(page, page.lastKey + "\0", nextLimit, pinned);
            });
  }

  private Throwable readFailure(Page page, Throwable t) {
    if (EtcdErrors.isCompacted(t)) {
      String message = page.plan.continuing() ? CONTINUE_EXPIRED : LIST_EXPIRED;
      return new StorageException(Reason.GONE, page.prefix, message, EtcdErrors.unwrap(t));
    }
    if (EtcdErrors.isFutureRevision(t)) {
      return new StorageException(
          Reason.TOO_LARGE_RESOURCE_VERSION,
          page.prefix,
          "Too large resource version: " + page.plan.readRevision(),
          EtcdErrors.unwrap(t));
    }
    return EtcdErrors.translate(t, page.prefix);
  }

  /** The first key after every key that starts with {@code prefix}. */
  static ByteSequence rangeEnd(String prefix) {
    byte[] end = prefix.getBytes(UTF_8);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return ByteSequence.from(Arrays.copyOf(end, i + 1));
      }
    }
    // only 0xff bytes: no upper bound, which etcd spells "\0"
    return ByteSequence.from(new byte[] {0});
  }

  /** The page being filled, across one or more etcd reads. */
  private final class Page {
    final String prefix;
    final ListRequest request;
    final ListPlan plan;
    final List<HasMetadata> items = new ArrayList<>();
    String lastKey;
    long returnedRevision;

    Page(String prefix, ListRequest request, ListPlan plan) {
      this.prefix = prefix;
      this.request = request;
      this.plan = plan;
      this.returnedRevision = plan.returnedRevision();
    }

    boolean paging() {
      return request.limit() > 0;
    }

    boolean full() {
      return paging() && items.size() >= request.limit();
    }

    void check(long headerRevision) {
      if (plan.minimumRevision() > headerRevision) {
        throw new StorageException(
            Reason.TOO_LARGE_RESOURCE_VERSION,
            prefix,
            "Too large resource version: "
                + plan.minimumRevision()
                + ", current: "
                + headerRevision);
      }
      if (returnedRevision == 0) {
        returnedRevision = headerRevision;
      }
    }

    /** Takes matching objects until the page is full; whether keys remain after the last taken. */
    boolean take(GetResponse response) {
      boolean more = response.isMore();
      if (response.getKvs().isEmpty() && more) {
        throw new StorageException(
            Reason.INTERNAL, prefix, "no results were found, but etcd indicated there were more");
      }
      for (KeyValue kv : response.getKvs()) {
        if (full()) {
          return true;
        }
        String key = kv.getKey().toString(UTF_8);
        lastKey = key;
        HasMetadata object = codec.decode(key, kv.getValue(), kv.getModRevision());
        if (request.predicate().test(object)) {
          items.add(object);
        }
      }
      return more;
    }

    ListResult result(boolean more, long countFromLastRead) {
      if (!more || !paging()) {
        return new ListResult(items, returnedRevision, null, null);
      }
      String token = new ContinueToken(returnedRevision, lastKey + "\0").encode(prefix);
      // etcd counts every key from the last read's start: exact only without selectors
      Long remaining = request.filters() ? null : countFromLastRead - request.limit();
      return new ListResult(items, returnedRevision, token, remaining);
    }
  }
}
