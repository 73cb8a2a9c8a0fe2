package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Toleration;
import io.minik8s.api.Serialization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Upstream's ValidatePodUpdate and ValidatePodStatusUpdate: a pod's spec is immutable except for
 * container images, a shrinking activeDeadlineSeconds, added tolerations and a negative
 * terminationGracePeriodSeconds turned into 1.
 */
public final class PodUpdateValidation {
  /** Upstream's text (1.29's), listing what an update may change. */
  public static final String SPEC_IMMUTABLE =
      "pod updates may not change fields other than `spec.containers[*].image`,"
          + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations`"
          + " (only additions to existing tolerations),`spec.terminationGracePeriodSeconds`"
          + " (allow it to be set to 1 if it was previously negative)";

  private PodUpdateValidation() {}

  /** A pod update: metadata rules, the new pod valid as on create, and the spec's mutability. */
  public static List<FieldError> validatePodUpdate(Pod pod, Pod old, boolean namespaced) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(pod.getMetadata(), old.getMetadata(), "metadata"));
    errs.addAll(PodValidation.validatePod(pod, namespaced));
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodSpec oldSpec = old.getSpec() == null ? new PodSpec() : old.getSpec();
    List<FieldError> containerErrs =
        containerUpdates(spec.getContainers(), oldSpec.getContainers(), "spec.containers");
    containerErrs.addAll(
        containerUpdates(
            spec.getInitContainers(), oldSpec.getInitContainers(), "spec.initContainers"));
    if (!containerErrs.isEmpty()) {
      errs.addAll(containerErrs);
      return errs;
    }
    Long deadline = spec.getActiveDeadlineSeconds();
    Long oldDeadline = oldSpec.getActiveDeadlineSeconds();
    if (deadline != null) {
      if (deadline < 0 || deadline > Integer.MAX_VALUE) {
        errs.add(
            FieldError.invalid(
                "spec.activeDeadlineSeconds",
                deadline,
                NameValidation.inclusiveRangeError(0, Integer.MAX_VALUE)));
        return errs;
      }
      if (oldDeadline != null && oldDeadline < deadline) {
        errs.add(
            FieldError.invalid(
                "spec.activeDeadlineSeconds",
                deadline,
                "must be less than or equal to previous value"));
        return errs;
      }
    } else if (oldDeadline != null) {
      errs.add(
          FieldError.invalid(
              "spec.activeDeadlineSeconds",
              null,
              "must not update from a positive integer to nil value"));
    }
    errs.addAll(onlyAddedTolerations(spec.getTolerations(), oldSpec.getTolerations()));
    JsonNode munged = munge(spec, oldSpec);
    JsonNode before = normalize(Serialization.json().valueToTree(oldSpec));
    if (!munged.equals(before)) {
      errs.add(
          FieldError.forbidden("spec", SPEC_IMMUTABLE + "\n" + SpecDiff.describe(before, munged)));
    }
    return errs;
  }

  /**
   * A status update: metadata rules; the node may only change through a binding; nominated node
   * names and pod IPs must be well formed.
   */
  public static List<FieldError> validatePodStatusUpdate(Pod pod, Pod old) {
    List<FieldError> errs =
        new ArrayList<>(
            ObjectMetaValidation.validateUpdate(pod.getMetadata(), old.getMetadata(), "metadata"));
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    String oldNode = old.getSpec() == null ? null : old.getSpec().getNodeName();
    if (!Objects.equals(FieldChecks.str(node), FieldChecks.str(oldNode))) {
      errs.add(FieldError.forbidden("status.nodeName", "may not be changed directly"));
    }
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    PodStatus oldStatus = old.getStatus() == null ? new PodStatus() : old.getStatus();
    String nominated = status.getNominatedNodeName();
    if (!isEmpty(nominated) && !nominated.equals(oldStatus.getNominatedNodeName())) {
      errs.addAll(FieldChecks.dns1123Subdomain(nominated, "status.nominatedNodeName"));
    }
    if (!isEmpty(status.getHostIP())) {
      errs.addAll(FieldChecks.each("status.hostIP", status.getHostIP(), NetValidation::isValidIp));
    }
    Set<String> seen = new HashSet<>();
    List<PodIP> podIps = list(status.getPodIPs());
    for (int i = 0; i < podIps.size(); i++) {
      String ip = FieldChecks.str(podIps.get(i).getIp());
      String path = index("status.podIPs", i);
      errs.addAll(FieldChecks.each(path, ip, NetValidation::isValidIp));
      if (!seen.add(ip)) {
        errs.add(FieldError.duplicate(path, ip));
      }
    }
    return errs;
  }

  private static List<FieldError> containerUpdates(
      List<Container> containers, List<Container> old, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (list(containers).size() != list(old).size()) {
      errs.add(FieldError.forbidden(path, "pod updates may not add or remove containers"));
      return errs;
    }
    List<Container> all = list(containers);
    for (int i = 0; i < all.size(); i++) {
      if (isEmpty(all.get(i).getImage())) {
        errs.add(FieldError.required(index(path, i) + ".image", ""));
      }
    }
    return errs;
  }

  /** Each old toleration must still be there, though its tolerationSeconds may change. */
  private static List<FieldError> onlyAddedTolerations(
      List<Toleration> tolerations, List<Toleration> old) {
    for (Toleration existing : list(old)) {
      boolean found =
          list(tolerations).stream()
              .anyMatch(
                  t ->
                      Objects.equals(t.getKey(), existing.getKey())
                          && Objects.equals(t.getOperator(), existing.getOperator())
                          && Objects.equals(t.getValue(), existing.getValue())
                          && Objects.equals(t.getEffect(), existing.getEffect()));
      if (!found) {
        return List.of(
            FieldError.forbidden(
                "spec.tolerations",
                "existing toleration can not be modified except its tolerationSeconds"));
      }
    }
    return List.of();
  }

  /** The new spec with every field an update may change reset to the old spec's value. */
  private static JsonNode munge(PodSpec spec, PodSpec old) {
    ObjectNode tree = Serialization.json().valueToTree(spec);
    ObjectNode oldTree = Serialization.json().valueToTree(old);
    for (String field : List.of("containers", "initContainers")) {
      if (tree.get(field) instanceof ArrayNode containers
          && oldTree.get(field) instanceof ArrayNode oldContainers) {
        for (int i = 0; i < containers.size() && i < oldContainers.size(); i++) {
          ObjectNode c = (ObjectNode) containers.get(i);
          JsonNode oldImage = oldContainers.get(i).get("image");
          if (oldImage == null) {
            c.remove("image");
          } else {
            c.set("image", oldImage);
          }
        }
      }
    }
    for (String field : List.of("activeDeadlineSeconds", "tolerations")) {
      copyField(oldTree, tree, field);
    }
    Long grace = spec.getTerminationGracePeriodSeconds();
    Long oldGrace = old.getTerminationGracePeriodSeconds();
    if (oldGrace != null && oldGrace < 0 && grace != null && grace == 1) {
      copyField(oldTree, tree, "terminationGracePeriodSeconds");
    }
    return normalize(tree);
  }

  private static void copyField(ObjectNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    } else {
      to.remove(field);
    }
  }

  /** Drops empty lists and maps, which upstream's semantic equality treats as absent. */
  static JsonNode normalize(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = object.objectNode();
      for (var e : object.properties()) {
        JsonNode value = normalize(e.getValue());
        if (!(value.isContainerNode() && value.isEmpty()) && !value.isNull()) {
          out.set(e.getKey(), value);
        }
      }
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = array.arrayNode();
      array.forEach(v -> out.add(normalize(v)));
      return out;
    }
    return node;
  }
}
