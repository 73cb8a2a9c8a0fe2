package io.minik8s.client.leaderelection;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.minik8s.client.ResourceClient;
import java.util.Optional;

/**
 * One Lease used as a lock (client-go's resourcelock.LeaseLock). It remembers the Lease it last
 * read or wrote, so that an update carries that resourceVersion: a concurrent writer makes the
 * update fail with 409 Conflict instead of being overwritten. Not thread-safe; the elector calls it
 * from one step at a time.
 */
final class LeaseLock {
  private final ResourceClient<Lease> leases;
  private final String namespace;
  private final String name;
  private Lease lease;

  LeaseLock(ResourceClient<Lease> leases, String namespace, String name) {
    this.leases = leases;
    this.namespace = namespace;
    this.name = name;
  }

  /** Reads the record; empty if the Lease does not exist. */
  Optional<LeaderElectionRecord> get() {
    Optional<Lease> found = leases.find(namespace, name);
    found.ifPresent(l -> lease = l);
    return found.map(l -> LeaderElectionRecord.of(l.getSpec()));
  }

  /** Creates the Lease holding the record; fails with 409 AlreadyExists if someone was first. */
  void create(LeaderElectionRecord record) {
    lease =
        leases.create(
            new LeaseBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withSpec(record.toLeaseSpec())
                .build());
  }

  /** Writes the record over the Lease last seen; fails with 409 Conflict if it changed since. */
  void update(LeaderElectionRecord record) {
    if (lease == null) {
      throw new IllegalStateException("lease " + describe() + " not read yet: get or create first");
    }
    lease = leases.update(new LeaseBuilder(lease).withSpec(record.toLeaseSpec()).build());
  }

  String describe() {
    return namespace + "/" + name;
  }
}
