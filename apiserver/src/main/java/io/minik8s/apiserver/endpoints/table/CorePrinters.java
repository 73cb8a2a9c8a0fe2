package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The printers of the simpler kinds (namespaces, configmaps, secrets, serviceaccounts, leases,
 * poddisruptionbudgets, priorityclasses), each one upstream's columns and cells.
 */
final class CorePrinters {
  private CorePrinters() {}

  static Printer namespaces() {
    return Printer.of(
        Namespace.class,
        List.of(
            Column.objectName(),
            Column.string("Status", ColumnDocs.NAMESPACE_STATUS),
            Column.age()),
        (ns, now) ->
            List.of(
                Cells.str(ns.getMetadata().getName()),
                ns.getStatus() == null ? "" : Cells.str(ns.getStatus().getPhase()),
                HumanDuration.since(ns.getMetadata().getCreationTimestamp(), now)));
  }

  static Printer configMaps() {
    return Printer.of(
        ConfigMap.class,
        List.of(
            Column.objectName(), Column.string("Data", ColumnDocs.CONFIG_MAP_DATA), Column.age()),
        (cm, now) ->
            List.of(
                Cells.str(cm.getMetadata().getName()),
                (long) Cells.map(cm.getData()).size() + Cells.map(cm.getBinaryData()).size(),
                HumanDuration.since(cm.getMetadata().getCreationTimestamp(), now)));
  }

  static Printer secrets() {
    return Printer.of(
        Secret.class,
        List.of(
            Column.objectName(),
            Column.string("Type", ColumnDocs.SECRET_TYPE),
            Column.string("Data", ColumnDocs.SECRET_DATA),
            Column.age()),
        (secret, now) -> {
          // stringData merges into data when upstream decodes a Secret, so keys count once
          Set<String> keys = new HashSet<>(Cells.map(secret.getData()).keySet());
          keys.addAll(Cells.map(secret.getStringData()).keySet());
          return List.of(
              Cells.str(secret.getMetadata().getName()),
              Cells.str(secret.getType()),
              (long) keys.size(),
              HumanDuration.since(secret.getMetadata().getCreationTimestamp(), now));
        });
  }

  static Printer serviceAccounts() {
    return Printer.of(
        ServiceAccount.class,
        List.of(
            Column.objectName(),
            Column.string("Secrets", ColumnDocs.SERVICE_ACCOUNT_SECRETS),
            Column.age()),
        (sa, now) ->
            List.of(
                Cells.str(sa.getMetadata().getName()),
                (long) Cells.list(sa.getSecrets()).size(),
                HumanDuration.since(sa.getMetadata().getCreationTimestamp(), now)));
  }

  static Printer leases() {
    return Printer.of(
        Lease.class,
        List.of(
            Column.objectName(), Column.string("Holder", ColumnDocs.LEASE_HOLDER), Column.age()),
        (lease, now) ->
            List.of(
                Cells.str(lease.getMetadata().getName()),
                lease.getSpec() == null ? "" : Cells.str(lease.getSpec().getHolderIdentity()),
                HumanDuration.since(lease.getMetadata().getCreationTimestamp(), now)));
  }

  static Printer podDisruptionBudgets() {
    return Printer.of(
        PodDisruptionBudget.class,
        List.of(
            Column.objectName(),
            Column.string("Min Available", ColumnDocs.PDB_MIN_AVAILABLE),
            Column.string("Max Unavailable", ColumnDocs.PDB_MAX_UNAVAILABLE),
            Column.integer("Allowed Disruptions", ColumnDocs.PDB_ALLOWED_DISRUPTIONS),
            Column.age()),
        (pdb, now) ->
            List.of(
                Cells.str(pdb.getMetadata().getName()),
                Cells.intOrString(pdb.getSpec() == null ? null : pdb.getSpec().getMinAvailable()),
                Cells.intOrString(pdb.getSpec() == null ? null : pdb.getSpec().getMaxUnavailable()),
                pdb.getStatus() == null ? 0L : Cells.num(pdb.getStatus().getDisruptionsAllowed()),
                HumanDuration.since(pdb.getMetadata().getCreationTimestamp(), now)));
  }

  static Printer priorityClasses() {
    return Printer.of(
        PriorityClass.class,
        List.of(
            Column.objectName(),
            Column.integer("Value", ColumnDocs.PRIORITY_VALUE),
            Column.bool("Global-Default", ColumnDocs.PRIORITY_GLOBAL_DEFAULT),
            Column.age(),
            Column.string("PreemptionPolicy", ColumnDocs.PRIORITY_PREEMPTION_POLICY)),
        (pc, now) ->
            List.of(
                Cells.str(pc.getMetadata().getName()),
                Cells.num(pc.getValue()),
                Boolean.TRUE.equals(pc.getGlobalDefault()),
                HumanDuration.since(pc.getMetadata().getCreationTimestamp(), now),
                Cells.str(pc.getPreemptionPolicy())));
  }
}
