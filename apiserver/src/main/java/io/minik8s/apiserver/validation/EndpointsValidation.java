package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;
import static io.minik8s.apiserver.validation.FieldChecks.str;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Upstream's rules for Endpoints and EndpointSlices. One deliberate difference: loopback addresses
 * are accepted, because local minik8s clusters give every node a 127.0.0.0/8 address.
 */
public final class EndpointsValidation {
  static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
  private static final int MAX_ENDPOINTS = 1000;
  private static final int MAX_ADDRESSES = 100;
  private static final int MAX_PORTS = 20000;

  private EndpointsValidation() {}

  public static List<FieldError> validateEndpoints(Endpoints ep, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                ep.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    List<EndpointSubset> subsets = list(ep.getSubsets());
    for (int i = 0; i < subsets.size(); i++) {
      EndpointSubset ss = subsets.get(i);
      String idx = index("subsets", i);
      if (isEmpty(ss.getAddresses()) && isEmpty(ss.getNotReadyAddresses())) {
        errs.add(FieldError.required(idx, "must specify `addresses` or `notReadyAddresses`"));
      }
      List<EndpointAddress> ready = list(ss.getAddresses());
      for (int a = 0; a < ready.size(); a++) {
        errs.addAll(address(ready.get(a), index(idx + ".addresses", a)));
      }
      List<EndpointAddress> notReady = list(ss.getNotReadyAddresses());
      for (int a = 0; a < notReady.size(); a++) {
        errs.addAll(address(notReady.get(a), index(idx + ".notReadyAddresses", a)));
      }
      List<EndpointPort> ports = list(ss.getPorts());
      for (int p = 0; p < ports.size(); p++) {
        errs.addAll(port(ports.get(p), ports.size() > 1, index(idx + ".ports", p)));
      }
    }
    return errs;
  }

  public static List<FieldError> validateEndpointsUpdate(
      Endpoints ep, Endpoints old, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(ep.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(validateEndpoints(ep, namespaced));
    return errs;
  }

  /** An EndpointSlice: a known address type, addresses of that type, unique port names. */
  public static List<FieldError> validateEndpointSlice(EndpointSlice slice, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validate(
                slice.getMetadata(), namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
    String type = str(slice.getAddressType());
    if (type.isEmpty()) {
      errs.add(FieldError.required("addressType", ""));
    } else if (!ADDRESS_TYPES.contains(type)) {
      errs.add(FieldError.notSupported("addressType", type, ADDRESS_TYPES));
    }
    List<Endpoint> endpoints = list(slice.getEndpoints());
    if (endpoints.size() > MAX_ENDPOINTS) {
      errs.add(FieldError.tooMany("endpoints", endpoints.size(), MAX_ENDPOINTS));
    } else {
      for (int i = 0; i < endpoints.size(); i++) {
        errs.addAll(endpoint(endpoints.get(i), type, index("endpoints", i)));
      }
    }
    List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> ports = list(slice.getPorts());
    if (ports.size() > MAX_PORTS) {
      errs.add(FieldError.tooMany("ports", ports.size(), MAX_PORTS));
      return errs;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      var port = ports.get(i);
      String idx = index("ports", i);
      String name = str(port.getName());
      if (!name.isEmpty()) {
        errs.addAll(FieldChecks.dns1123Label(name, idx + ".name"));
      }
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(idx + ".name", name));
      }
      errs.addAll(
          FieldChecks.oneOf(port.getProtocol(), idx + ".protocol", ContainerValidation.PROTOCOLS));
      if (!isEmpty(port.getAppProtocol())) {
        errs.addAll(FieldChecks.qualifiedName(port.getAppProtocol(), idx + ".appProtocol"));
      }
    }
    return errs;
  }

  /** An EndpointSlice update: its address type is immutable. */
  public static List<FieldError> validateEndpointSliceUpdate(
      EndpointSlice slice, EndpointSlice old, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(
                slice.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(validateEndpointSlice(slice, namespaced));
    errs.addAll(FieldChecks.immutable(slice.getAddressType(), old.getAddressType(), "addressType"));
    return errs;
  }

  private static List<FieldError> endpoint(Endpoint ep, String type, String path) {
    List<FieldError> errs = new ArrayList<>();
    String addressPath = path + ".addresses";
    List<String> addresses = list(ep.getAddresses());
    if (addresses.isEmpty()) {
      errs.add(FieldError.required(addressPath, "must contain at least 1 address"));
    } else if (addresses.size() > MAX_ADDRESSES) {
      errs.add(FieldError.tooMany(addressPath, addresses.size(), MAX_ADDRESSES));
    }
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      String idx = index(addressPath, i);
      switch (type) {
        case "IPv4" -> {
          if (!NetValidation.isIpv4(address)) {
            errs.add(FieldError.invalid(idx, address, "must be a valid IPv4 address"));
          } else {
            errs.addAll(nonSpecialIp(address, idx));
          }
        }
        case "IPv6" -> {
          if (!NetValidation.isIp(address) || NetValidation.isIpv4(address)) {
            errs.add(FieldError.invalid(idx, address, "must be a valid IPv6 address"));
          }
        }
        case "FQDN" -> errs.addAll(FieldChecks.dns1123Subdomain(address, idx));
        default -> {}
      }
    }
    if (!isEmpty(ep.getNodeName())) {
      errs.addAll(FieldChecks.dns1123Subdomain(ep.getNodeName(), path + ".nodeName"));
    }
    errs.addAll(
        ObjectMetaValidation.validateLabels(
            ep.getDeprecatedTopology(), path + ".deprecatedTopology"));
    if (ep.getHostname() != null) {
      errs.addAll(FieldChecks.dns1123Label(ep.getHostname(), path + ".hostname"));
    }
    return errs;
  }

  private static List<FieldError> address(EndpointAddress address, String path) {
    List<FieldError> errs = new ArrayList<>();
    String ip = str(address.getIp());
    List<String> msgs = NetValidation.isValidIp(ip);
    msgs.forEach(msg -> errs.add(FieldError.invalid(path + ".ip", ip, msg)));
    if (!isEmpty(address.getHostname())) {
      errs.addAll(FieldChecks.dns1123Label(address.getHostname(), path + ".hostname"));
    }
    if (address.getNodeName() != null) {
      errs.addAll(FieldChecks.dns1123Subdomain(address.getNodeName(), path + ".nodeName"));
    }
    if (msgs.isEmpty()) {
      errs.addAll(nonSpecialIp(ip, path + ".ip"));
    }
    return errs;
  }

  private static List<FieldError> port(EndpointPort port, boolean requireName, String path) {
    List<FieldError> errs = new ArrayList<>();
    String name = str(port.getName());
    if (requireName && name.isEmpty()) {
      errs.add(FieldError.required(path + ".name", ""));
    } else if (!name.isEmpty()) {
      errs.addAll(FieldChecks.dns1123Label(name, path + ".name"));
    }
    int number = port.getPort() == null ? 0 : port.getPort();
    for (String msg : NameValidation.isValidPortNum(number)) {
      errs.add(FieldError.invalid(path + ".port", number, msg));
    }
    errs.addAll(
        FieldChecks.oneOf(port.getProtocol(), path + ".protocol", ContainerValidation.PROTOCOLS));
    return errs;
  }

  /** Upstream's ValidateNonSpecialIP, without its loopback rule (see the class comment). */
  private static List<FieldError> nonSpecialIp(String ip, String path) {
    if (ip.equals("0.0.0.0") || ip.equals("::")) {
      return List.of(FieldError.invalid(path, ip, "may not be unspecified (0.0.0.0)"));
    }
    if (ip.startsWith("169.254.") || ip.toLowerCase(Locale.ROOT).startsWith("fe80:")) {
      return List.of(
          FieldError.invalid(
              path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
    }
    if (ip.startsWith("224.0.0.") || ip.toLowerCase(Locale.ROOT).startsWith("ff02:")) {
      return List.of(
          FieldError.invalid(
              path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
    }
    return List.of();
  }
}
