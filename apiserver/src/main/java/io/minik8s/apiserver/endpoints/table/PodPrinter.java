package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.List;

/** Pods as upstream's printPod: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED GATES. */
final class PodPrinter implements Printer {
  private static final List<Column> COLUMNS =
      List.of(
          Column.objectName(),
          Column.string("Ready", ColumnDocs.POD_READY),
          Column.string("Status", ColumnDocs.POD_STATUS),
          Column.string("Restarts", ColumnDocs.POD_RESTARTS),
          Column.age(),
          Column.wide("IP", ColumnDocs.POD_IP),
          Column.wide("Node", ColumnDocs.NODE_NAME),
          Column.wide("Nominated Node", ColumnDocs.NOMINATED_NODE_NAME),
          Column.wide("Readiness Gates", ColumnDocs.READINESS_GATES));
  private static final List<RowCondition> SUCCEEDED =
      List.of(
          new RowCondition(
              "Completed", "True", "Succeeded", "The pod has completed successfully."));
  private static final List<RowCondition> FAILED =
      List.of(new RowCondition("Completed", "True", "Failed", "The pod failed."));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(HasMetadata object, Instant now) {
    Pod pod = (Pod) object;
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    PodStatusSummary summary = PodStatusSummary.of(pod);
    return List.of(
        Cells.str(pod.getMetadata().getName()),
        summary.readyCell(),
        summary.reason(),
        summary.restartsCell(now),
        HumanDuration.since(pod.getMetadata().getCreationTimestamp(), now),
        orNone(podIp(status)),
        orNone(spec.getNodeName()),
        orNone(status.getNominatedNodeName()),
        readinessGates(spec, status));
  }

  @Override
  public List<RowCondition> conditions(HasMetadata object) {
    PodStatus status = ((Pod) object).getStatus();
    String phase = status == null ? null : status.getPhase();
    if ("Succeeded".equals(phase)) {
      return SUCCEEDED;
    }
    return "Failed".equals(phase) ? FAILED : List.of();
  }

  /** The first of status.podIPs, or status.podIP when only that is set (as conversion does). */
  private static String podIp(PodStatus status) {
    List<io.fabric8.kubernetes.api.model.PodIP> ips = Cells.list(status.getPodIPs());
    if (!ips.isEmpty()) {
      return ips.get(0).getIp();
    }
    return status.getPodIP();
  }

  /** "true conditions/gates" over the pod's readiness gates, "<none>" without gates. */
  private static String readinessGates(PodSpec spec, PodStatus status) {
    List<PodReadinessGate> gates = Cells.list(spec.getReadinessGates());
    if (gates.isEmpty()) {
      return Cells.NONE;
    }
    int satisfied = 0;
    for (PodReadinessGate gate : gates) {
      for (PodCondition condition : Cells.list(status.getConditions())) {
        if (condition.getType() != null && condition.getType().equals(gate.getConditionType())) {
          if ("True".equals(condition.getStatus())) {
            satisfied++;
          }
          break;
        }
      }
    }
    return satisfied + "/" + gates.size();
  }

  private static String orNone(String s) {
    return s == null || s.isEmpty() ? Cells.NONE : s;
  }
}
