package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;

/** Upstream's probe rules: exactly one handler, well-formed ports, non-negative timings. */
final class ProbeValidation {
  private static final List<String> SCHEMES = List.of("HTTP", "HTTPS");

  private ProbeValidation() {}

  static List<FieldError> validate(Probe probe, String path) {
    if (probe == null) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>(handler(probe, path));
    errs.addAll(
        FieldChecks.nonNegative(probe.getInitialDelaySeconds(), path + ".initialDelaySeconds"));
    errs.addAll(FieldChecks.nonNegative(probe.getTimeoutSeconds(), path + ".timeoutSeconds"));
    errs.addAll(FieldChecks.nonNegative(probe.getPeriodSeconds(), path + ".periodSeconds"));
    errs.addAll(FieldChecks.nonNegative(probe.getSuccessThreshold(), path + ".successThreshold"));
    errs.addAll(FieldChecks.nonNegative(probe.getFailureThreshold(), path + ".failureThreshold"));
    Long grace = probe.getTerminationGracePeriodSeconds();
    if (grace != null && grace <= 0) {
      errs.add(
          FieldError.invalid(
              path + ".terminationGracePeriodSeconds", grace, "must be greater than 0"));
    }
    return errs;
  }

  /** Liveness and startup probes must succeed once to count (upstream: "must be 1"). */
  static List<FieldError> successThresholdIsOne(Probe probe, String path) {
    if (probe == null || probe.getSuccessThreshold() == null || probe.getSuccessThreshold() == 1) {
      return List.of();
    }
    return List.of(
        FieldError.invalid(path + ".successThreshold", probe.getSuccessThreshold(), "must be 1"));
  }

  private static List<FieldError> handler(Probe probe, String path) {
    List<FieldError> errs = new ArrayList<>();
    int handlers = 0;
    if (probe.getExec() != null) {
      handlers++;
      if (isEmpty(probe.getExec().getCommand())) {
        errs.add(FieldError.required(path + ".exec.command", ""));
      }
    }
    if (probe.getHttpGet() != null) {
      if (handlers++ > 0) {
        errs.add(
            FieldError.forbidden(path + ".httpGet", "may not specify more than 1 handler type"));
      } else {
        String httpPath = path + ".httpGet";
        if (isEmpty(probe.getHttpGet().getPath())) {
          errs.add(FieldError.required(httpPath + ".path", ""));
        }
        errs.addAll(portNumOrName(probe.getHttpGet().getPort(), httpPath + ".port"));
        errs.addAll(
            FieldChecks.oneOf(probe.getHttpGet().getScheme(), httpPath + ".scheme", SCHEMES));
      }
    }
    if (probe.getTcpSocket() != null) {
      if (handlers++ > 0) {
        errs.add(
            FieldError.forbidden(path + ".tcpSocket", "may not specify more than 1 handler type"));
      } else {
        errs.addAll(portNumOrName(probe.getTcpSocket().getPort(), path + ".tcpSocket.port"));
      }
    }
    if (probe.getGrpc() != null) {
      if (handlers++ > 0) {
        errs.add(FieldError.forbidden(path + ".grpc", "may not specify more than 1 handler type"));
      } else {
        Integer port = probe.getGrpc().getPort();
        for (String msg : NameValidation.isValidPortNum(port == null ? 0 : port)) {
          errs.add(FieldError.invalid(path + ".grpc.port", port, msg));
        }
      }
    }
    if (handlers == 0) {
      errs.add(FieldError.required(path, "must specify a handler type"));
    }
    return errs;
  }

  /** Upstream's ValidatePortNumOrName for an int-or-string port. */
  static List<FieldError> portNumOrName(IntOrString port, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (port == null || port.getIntVal() == null && port.getStrVal() == null) {
      for (String msg : NameValidation.isValidPortNum(0)) {
        errs.add(FieldError.invalid(path, 0, msg));
      }
    } else if (port.getIntVal() != null) {
      for (String msg : NameValidation.isValidPortNum(port.getIntVal())) {
        errs.add(FieldError.invalid(path, port.getIntVal(), msg));
      }
    } else {
      for (String msg : NameValidation.isValidPortName(port.getStrVal())) {
        errs.add(FieldError.invalid(path, port.getStrVal(), msg));
      }
    }
    return errs;
  }
}
