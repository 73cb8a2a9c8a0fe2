package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Nodes as upstream's printNode: NAME STATUS ROLES AGE VERSION, wide addresses and versions. */
final class NodePrinter implements Printer {
  private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";
  private static final List<Column> COLUMNS =
      List.of(
          Column.objectName(),
          Column.string("Status", ColumnDocs.NODE_STATUS),
          Column.string("Roles", ColumnDocs.NODE_ROLES),
          Column.age(),
          Column.string("Version", ColumnDocs.KUBELET_VERSION),
          Column.wide("Internal-IP", ColumnDocs.NODE_ADDRESSES),
          Column.wide("External-IP", ColumnDocs.NODE_ADDRESSES),
          Column.wide("OS-Image", ColumnDocs.OS_IMAGE),
          Column.wide("Kernel-Version", ColumnDocs.KERNEL_VERSION),
          Column.wide("Container-Runtime", ColumnDocs.CONTAINER_RUNTIME_VERSION));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(HasMetadata object, Instant now) {
    Node node = (Node) object;
    NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
    NodeSystemInfo info =
        status.getNodeInfo() == null ? new NodeSystemInfo() : status.getNodeInfo();
    return List.of(
        Cells.str(node.getMetadata().getName()),
        status(node, status),
        roles(node),
        HumanDuration.since(node.getMetadata().getCreationTimestamp(), now),
        Cells.str(info.getKubeletVersion()),
        address(status, "InternalIP"),
        address(status, "ExternalIP"),
        orUnknown(info.getOsImage()),
        orUnknown(info.getKernelVersion()),
        orUnknown(info.getContainerRuntimeVersion()));
  }

  /** "Ready", "NotReady" or "Unknown" from the Ready condition, plus ",SchedulingDisabled". */
  static String status(Node node, NodeStatus status) {
    NodeCondition ready = null;
    for (NodeCondition c : Cells.list(status.getConditions())) {
      if ("Ready".equals(c.getType())) {
        ready = c; // the last one wins, as upstream's condition map keeps it
      }
    }
    List<String> parts = new ArrayList<>();
    if (ready == null) {
      parts.add("Unknown");
    } else {
      parts.add("True".equals(ready.getStatus()) ? "Ready" : "NotReady");
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      parts.add("SchedulingDisabled");
    }
    return String.join(",", parts);
  }

  /** Roles from node-role.kubernetes.io/ROLE and kubernetes.io/role=ROLE labels, sorted. */
  static String roles(Node node) {
    TreeSet<String> roles = new TreeSet<>();
    Cells.map(node.getMetadata().getLabels())
        .forEach(
            (key, value) -> {
              if (key.startsWith(ROLE_LABEL_PREFIX)) {
                String role = key.substring(ROLE_LABEL_PREFIX.length());
                if (!role.isEmpty()) {
                  roles.add(role);
                }
              } else if (key.equals(ROLE_LABEL) && value != null && !value.isEmpty()) {
                roles.add(value);
              }
            });
    return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
  }

  private static String address(NodeStatus status, String type) {
    for (NodeAddress a : Cells.list(status.getAddresses())) {
      if (type.equals(a.getType())) {
        return Cells.str(a.getAddress());
      }
    }
    return Cells.NONE;
  }

  private static String orUnknown(String s) {
    return s == null || s.isEmpty() ? HumanDuration.UNKNOWN : s;
  }
}
