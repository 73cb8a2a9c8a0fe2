package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Services, Endpoints and EndpointSlices, as upstream's printService and friends. */
final class NetworkPrinters {
  private NetworkPrinters() {}

  static Printer services() {
    return Printer.of(
        Service.class,
        List.of(
            Column.objectName(),
            Column.string("Type", ColumnDocs.SERVICE_TYPE),
            Column.string("Cluster-IP", ColumnDocs.CLUSTER_IP),
            Column.string("External-IP", ColumnDocs.EXTERNAL_IPS),
            Column.string("Port(s)", ColumnDocs.SERVICE_PORTS),
            Column.age(),
            Column.wide("Selector", ColumnDocs.SERVICE_SELECTOR)),
        (svc, now) -> {
          ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
          String ports = ports(Cells.list(spec.getPorts()));
          return List.of(
              Cells.str(svc.getMetadata().getName()),
              Cells.str(spec.getType()),
              clusterIp(spec),
              externalIp(svc, spec),
              ports.isEmpty() ? Cells.NONE : ports,
              HumanDuration.since(svc.getMetadata().getCreationTimestamp(), now),
              Cells.labels(spec.getSelector()));
        });
  }

  static Printer endpoints() {
    return Printer.of(
        Endpoints.class,
        List.of(
            Column.objectName(),
            Column.string("Endpoints", ColumnDocs.ENDPOINTS_SUBSETS),
            Column.age()),
        (ep, now) ->
            List.of(
                Cells.str(ep.getMetadata().getName()),
                endpointList(Cells.list(ep.getSubsets())),
                HumanDuration.since(ep.getMetadata().getCreationTimestamp(), now)));
  }

  static Printer endpointSlices() {
    return Printer.of(
        EndpointSlice.class,
        List.of(
            Column.objectName(),
            Column.string("AddressType", ColumnDocs.SLICE_ADDRESS_TYPE),
            Column.string("Ports", ColumnDocs.SLICE_PORTS),
            Column.string("Endpoints", ColumnDocs.SLICE_ENDPOINTS),
            Column.age()),
        (slice, now) -> {
          List<String> ports = new ArrayList<>();
          for (var port : Cells.list(slice.getPorts())) {
            ports.add(
                port.getPort() != null
                    ? String.valueOf(port.getPort())
                    : port.getName() != null ? port.getName() : "*");
          }
          List<String> addresses = new ArrayList<>();
          for (Endpoint endpoint : Cells.list(slice.getEndpoints())) {
            addresses.addAll(Cells.list(endpoint.getAddresses()));
          }
          return List.of(
              Cells.str(slice.getMetadata().getName()),
              Cells.str(slice.getAddressType()),
              Cells.firstThree(ports),
              Cells.firstThree(addresses),
              HumanDuration.since(slice.getMetadata().getCreationTimestamp(), now));
        });
  }

  /** "80/TCP", or "80:32720/TCP" with a node port; comma-joined. */
  static String ports(List<ServicePort> ports) {
    List<String> parts = new ArrayList<>();
    for (ServicePort p : ports) {
      String protocol = Cells.str(p.getProtocol());
      parts.add(
          p.getNodePort() != null && p.getNodePort() > 0
              ? p.getPort() + ":" + p.getNodePort() + "/" + protocol
              : p.getPort() + "/" + protocol);
    }
    return String.join(",", parts);
  }

  private static String clusterIp(ServiceSpec spec) {
    List<String> ips = Cells.list(spec.getClusterIPs());
    if (!ips.isEmpty()) {
      return ips.get(0);
    }
    // a stored object with only clusterIP reads as clusterIPs=[clusterIP] after conversion
    String ip = spec.getClusterIP();
    return ip == null || ip.isEmpty() ? Cells.NONE : ip;
  }

  /** The External-IP cell by service type (getServiceExternalIP; the server prints wide). */
  private static String externalIp(Service svc, ServiceSpec spec) {
    List<String> external = Cells.list(spec.getExternalIPs());
    String type = Cells.str(spec.getType());
    switch (type) {
      case "ClusterIP", "NodePort" -> {
        return external.isEmpty() ? Cells.NONE : String.join(",", external);
      }
      case "LoadBalancer" -> {
        TreeSet<String> ingress = new TreeSet<>();
        if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null) {
          for (LoadBalancerIngress i : Cells.list(svc.getStatus().getLoadBalancer().getIngress())) {
            if (i.getIp() != null && !i.getIp().isEmpty()) {
              ingress.add(i.getIp());
            } else if (i.getHostname() != null && !i.getHostname().isEmpty()) {
              ingress.add(i.getHostname());
            }
          }
        }
        if (!external.isEmpty()) {
          List<String> all = new ArrayList<>(ingress);
          all.addAll(external);
          return String.join(",", all);
        }
        return ingress.isEmpty() ? "<pending>" : String.join(",", ingress);
      }
      case "ExternalName" -> {
        return Cells.str(spec.getExternalName());
      }
      default -> {
        return HumanDuration.UNKNOWN;
      }
    }
  }

  /** Up to three "ip:port" endpoints then " + N more...", "<none>" without subsets. */
  static String endpointList(List<EndpointSubset> subsets) {
    if (subsets.isEmpty()) {
      return Cells.NONE;
    }
    int max = 3;
    List<String> shown = new ArrayList<>();
    int count = 0;
    for (EndpointSubset subset : subsets) {
      List<EndpointAddress> addresses = Cells.list(subset.getAddresses());
      List<EndpointPort> ports = Cells.list(subset.getPorts());
      if (ports.isEmpty()) {
        // a headless service without ports lists bare addresses
        count += addresses.size();
        for (EndpointAddress a : addresses) {
          if (shown.size() < max) {
            shown.add(Cells.str(a.getIp()));
          }
        }
        continue;
      }
      for (EndpointPort port : ports) {
        count += addresses.size();
        for (EndpointAddress a : addresses) {
          if (shown.size() < max) {
            shown.add(hostPort(Cells.str(a.getIp()), port.getPort()));
          }
        }
      }
    }
    String joined = String.join(",", shown);
    return count > max ? joined + " + " + (count - max) + " more..." : joined;
  }

  private static String hostPort(String ip, Integer port) {
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    return host + ":" + (port == null ? 0 : port);
  }
}
