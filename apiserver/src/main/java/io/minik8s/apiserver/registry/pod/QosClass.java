package io.minik8s.apiserver.registry.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream's pod QoS class (pkg/apis/core/helper/qos): Guaranteed when every container limits cpu
 * and memory and requests equal limits, BestEffort when no container requests or limits anything,
 * Burstable otherwise.
 */
final class QosClass {
  private static final List<String> COMPUTE = List.of("cpu", "memory");

  private QosClass() {}

  static String of(PodSpec spec) {
    if (spec == null) {
      return "BestEffort";
    }
    List<Container> containers = new ArrayList<>();
    if (spec.getContainers() != null) {
      containers.addAll(spec.getContainers());
    }
    if (spec.getInitContainers() != null) {
      containers.addAll(spec.getInitContainers());
    }
    boolean any = false;
    boolean guaranteed = true;
    for (Container c : containers) {
      Map<String, Quantity> requests =
          c.getResources() == null || c.getResources().getRequests() == null
              ? Map.of() : c.getResources().getRequests();
      Map<String, Quantity> limits =
          c.getResources() == null || c.getResources().getLimits() == null
              ? Map.of() : c.getResources().getLimits();
      for (String r : COMPUTE) {
        Quantity req = requests.get(r);
        Quantity lim = limits.get(r);
        boolean hasReq = req != null && amount(req).signum() != 0;
        boolean hasLim = lim != null && amount(lim).signum() != 0;
        any |= hasReq || hasLim;
        if (!hasLim || (hasReq && amount(req).compareTo(amount(lim)) != 0)) {
          guaranteed = false;
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }

  private static BigDecimal amount(Quantity q) {
    try {
      return q.getNumericalAmount();
    } catch (RuntimeException e) {
      return BigDecimal.ZERO; // invalid quantities are rejected by validation
    }
  }
}
