package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.util.ArrayList;
import java.util.List;

/** Deployments, ReplicaSets and ReplicationControllers, as upstream's printers. */
final class WorkloadPrinters {
  private WorkloadPrinters() {}

  static Printer deployments() {
    return Printer.of(
        Deployment.class,
        List.of(
            Column.objectName(),
            Column.string("Ready", ColumnDocs.DEPLOYMENT_READY),
            Column.string("Up-to-date", ColumnDocs.DEPLOYMENT_UPDATED),
            Column.string("Available", ColumnDocs.DEPLOYMENT_AVAILABLE),
            Column.age(),
            Column.wide("Containers", ColumnDocs.CONTAINERS),
            Column.wide("Images", ColumnDocs.IMAGES),
            Column.wide("Selector", ColumnDocs.DEPLOYMENT_SELECTOR)),
        (d, now) -> {
          DeploymentSpec spec = d.getSpec() == null ? new DeploymentSpec() : d.getSpec();
          DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
          List<Object> cells = new ArrayList<>();
          cells.add(Cells.str(d.getMetadata().getName()));
          cells.add(Cells.num(status.getReadyReplicas()) + "/" + replicas(spec.getReplicas()));
          cells.add(Cells.num(status.getUpdatedReplicas()));
          cells.add(Cells.num(status.getAvailableReplicas()));
          cells.add(HumanDuration.since(d.getMetadata().getCreationTimestamp(), now));
          cells.addAll(Cells.containersAndImages(spec.getTemplate()));
          cells.add(Cells.selectorString(spec.getSelector()));
          return cells;
        });
  }

  static Printer replicaSets() {
    return Printer.of(
        ReplicaSet.class,
        List.of(
            Column.objectName(),
            Column.integer("Desired", ColumnDocs.RS_REPLICAS),
            Column.integer("Current", ColumnDocs.RS_STATUS_REPLICAS),
            Column.integer("Ready", ColumnDocs.RS_READY_REPLICAS),
            Column.age(),
            Column.wide("Containers", ColumnDocs.CONTAINERS),
            Column.wide("Images", ColumnDocs.IMAGES),
            Column.wide("Selector", ColumnDocs.RS_SELECTOR)),
        (rs, now) -> {
          ReplicaSetSpec spec = rs.getSpec() == null ? new ReplicaSetSpec() : rs.getSpec();
          ReplicaSetStatus status =
              rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
          List<Object> cells = new ArrayList<>();
          cells.add(Cells.str(rs.getMetadata().getName()));
          cells.add(replicas(spec.getReplicas()));
          cells.add(Cells.num(status.getReplicas()));
          cells.add(Cells.num(status.getReadyReplicas()));
          cells.add(HumanDuration.since(rs.getMetadata().getCreationTimestamp(), now));
          cells.addAll(Cells.containersAndImages(spec.getTemplate()));
          cells.add(Cells.formatSelector(spec.getSelector()));
          return cells;
        });
  }

  static Printer replicationControllers() {
    return Printer.of(
        ReplicationController.class,
        List.of(
            Column.objectName(),
            Column.integer("Desired", ColumnDocs.RC_REPLICAS),
            Column.integer("Current", ColumnDocs.RC_STATUS_REPLICAS),
            Column.integer("Ready", ColumnDocs.RC_READY_REPLICAS),
            Column.age(),
            Column.wide("Containers", ColumnDocs.CONTAINERS),
            Column.wide("Images", ColumnDocs.IMAGES),
            Column.wide("Selector", ColumnDocs.RC_SELECTOR)),
        (rc, now) -> {
          ReplicationControllerSpec spec =
              rc.getSpec() == null ? new ReplicationControllerSpec() : rc.getSpec();
          ReplicationControllerStatus status =
              rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
          List<Object> cells = new ArrayList<>();
          cells.add(Cells.str(rc.getMetadata().getName()));
          cells.add(replicas(spec.getReplicas()));
          cells.add(Cells.num(status.getReplicas()));
          cells.add(Cells.num(status.getReadyReplicas()));
          cells.add(HumanDuration.since(rc.getMetadata().getCreationTimestamp(), now));
          cells.addAll(Cells.containersAndImages(spec.getTemplate()));
          cells.add(Cells.labels(spec.getSelector()));
          return cells;
        });
  }

  /** spec.replicas, which defaulting sets to 1 when a client leaves it out. */
  private static long replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }
}
