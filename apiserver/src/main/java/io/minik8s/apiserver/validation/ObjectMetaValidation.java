package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.immutable;
import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;
import static io.minik8s.apiserver.validation.FieldChecks.map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Upstream's ObjectMeta rules on create and update (apimachinery's objectmeta.go, core's). */
public final class ObjectMetaValidation {
  /** Upstream's TotalAnnotationSizeLimitB: 256 KiB over all keys and values. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  /** Finalizers upstream accepts without a domain prefix. */
  public static final Set<String> STANDARD_FINALIZERS =
      Set.of("kubernetes", "orphan", "foregroundDeletion");

  /** Names must be DNS subdomains: pods and most kinds. */
  public static final Function<String, List<String>> SUBDOMAIN_NAME =
      NameValidation::isDns1123Subdomain;

  /** Names must be DNS (RFC 1123) labels: namespaces. */
  public static final Function<String, List<String>> LABEL_NAME = NameValidation::isDns1123Label;

  /** Names must be DNS-1035 labels: services. */
  public static final Function<String, List<String>> DNS1035_NAME = NameValidation::isDns1035Label;

  /** Names only need to be safe path segments (kinds upstream leaves free, e.g. Events' ids). */
  public static final Function<String, List<String>> PATH_SEGMENT_NAME =
      NameValidation::isValidPathSegmentName;

  private ObjectMetaValidation() {}

  /**
   * Validates metadata on create, after name generation: name present and well formed, generateName
   * well formed as a prefix, namespace required or forbidden, labels, annotations, owner references
   * and finalizers.
   *
   * @param nameRule the name format of this kind, e.g. {@link #SUBDOMAIN_NAME}
   * @param path the metadata's field path, "metadata" for top-level objects
   */
  public static List<FieldError> validate(
      ObjectMeta meta, boolean namespaced, Function<String, List<String>> nameRule, String path) {
    if (meta == null) {
      meta = new ObjectMeta();
    }
    List<FieldError> errs = new ArrayList<>();
    String generateName = meta.getGenerateName();
    if (!isEmpty(generateName)) {
      for (String msg : nameRule.apply(maskTrailingDash(generateName))) {
        errs.add(FieldError.invalid(path + ".generateName", generateName, msg));
      }
    }
    if (isEmpty(meta.getName())) {
      errs.add(FieldError.required(path + ".name", "name or generateName is required"));
    } else {
      for (String msg : nameRule.apply(meta.getName())) {
        errs.add(FieldError.invalid(path + ".name", meta.getName(), msg));
      }
    }
    if (namespaced) {
      if (isEmpty(meta.getNamespace())) {
        errs.add(FieldError.required(path + ".namespace", ""));
      } else {
        errs.addAll(FieldChecks.dns1123Label(meta.getNamespace(), path + ".namespace"));
      }
    } else if (!isEmpty(meta.getNamespace())) {
      errs.add(FieldError.forbidden(path + ".namespace", "not allowed on this type"));
    }
    errs.addAll(FieldChecks.nonNegative(meta.getGeneration(), path + ".generation"));
    errs.addAll(common(meta, path));
    errs.addAll(validateFinalizers(meta.getFinalizers(), path + ".finalizers"));
    return errs;
  }

  /**
   * Validates metadata on update: what identifies the object and its lifecycle is immutable, no
   * finalizer may be added once deletion started, and the new labels etc. must be valid.
   */
  public static List<FieldError> validateUpdate(ObjectMeta meta, ObjectMeta old, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (old.getDeletionTimestamp() != null) {
      Set<String> added = new TreeSet<>(list(meta.getFinalizers()));
      list(old.getFinalizers()).forEach(added::remove);
      if (!added.isEmpty()) {
        errs.add(
            FieldError.forbidden(
                path + ".finalizers",
                "no new finalizers can be added if the object is being deleted, found new"
                    + " finalizers "
                    + goStrings(added)));
      }
    }
    if (isEmpty(meta.getResourceVersion())) {
      errs.add(
          FieldError.invalid(
              path + ".resourceVersion",
              FieldChecks.str(meta.getResourceVersion()),
              "must be specified for an update"));
    }
    long newGeneration = meta.getGeneration() == null ? 0 : meta.getGeneration();
    long oldGeneration = old.getGeneration() == null ? 0 : old.getGeneration();
    if (newGeneration < oldGeneration) {
      errs.add(FieldError.invalid(path + ".generation", newGeneration, "must not be decremented"));
    }
    errs.addAll(immutable(meta.getName(), old.getName(), path + ".name"));
    errs.addAll(
        immutable(
            FieldChecks.str(meta.getNamespace()),
            FieldChecks.str(old.getNamespace()),
            path + ".namespace"));
    errs.addAll(immutable(meta.getUid(), old.getUid(), path + ".uid"));
    errs.addAll(
        immutable(
            meta.getCreationTimestamp(), old.getCreationTimestamp(), path + ".creationTimestamp"));
    errs.addAll(
        immutable(
            meta.getDeletionTimestamp(), old.getDeletionTimestamp(), path + ".deletionTimestamp"));
    errs.addAll(
        immutable(
            meta.getDeletionGracePeriodSeconds(),
            old.getDeletionGracePeriodSeconds(),
            path + ".deletionGracePeriodSeconds"));
    errs.addAll(common(meta, path));
    List<String> finalizers = list(meta.getFinalizers());
    for (int i = 0; i < finalizers.size(); i++) {
      errs.addAll(kubeFinalizerName(finalizers.get(i), index(path + ".finalizers", i)));
    }
    return errs;
  }

  /** Label keys must be qualified names and values valid label values; errors name the map. */
  public static List<FieldError> validateLabels(Map<String, String> labels, String path) {
    List<FieldError> errs = new ArrayList<>();
    map(labels)
        .forEach(
            (k, v) -> {
              errs.addAll(FieldChecks.qualifiedName(k, path));
              errs.addAll(
                  FieldChecks.each(path, v == null ? "" : v, NameValidation::isValidLabelValue));
            });
    return errs;
  }

  /** Annotation keys are qualified names in any case; all of them together at most 256 KiB. */
  public static List<FieldError> validateAnnotations(Map<String, String> annotations, String path) {
    List<FieldError> errs = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, String> e : map(annotations).entrySet()) {
      for (String msg : NameValidation.isQualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
        errs.add(FieldError.invalid(path, e.getKey(), msg));
      }
      total += utf8Length(e.getKey()) + utf8Length(e.getValue());
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.add(FieldError.tooLong(path, null, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    return errs;
  }

  /** Owner references need apiVersion, kind, name and uid; at most one may be the controller. */
  public static List<FieldError> validateOwnerReferences(
      List<OwnerReference> references, String path) {
    List<FieldError> errs = new ArrayList<>();
    String firstController = null;
    for (OwnerReference ref : list(references)) {
      String apiVersion = FieldChecks.str(ref.getApiVersion());
      String kind = FieldChecks.str(ref.getKind());
      String[] gv = apiVersion.split("/", -1);
      String group = gv.length == 2 ? gv[0] : "";
      String version = gv.length == 1 ? gv[0] : gv.length == 2 ? gv[1] : "";
      if (version.isEmpty()) {
        errs.add(FieldError.invalid(path + ".apiVersion", apiVersion, "version must not be empty"));
      }
      if (kind.isEmpty()) {
        errs.add(FieldError.invalid(path + ".kind", kind, "must not be empty"));
      }
      if (isEmpty(ref.getName())) {
        errs.add(
            FieldError.invalid(
                path + ".name", FieldChecks.str(ref.getName()), "must not be empty"));
      }
      if (isEmpty(ref.getUid())) {
        errs.add(
            FieldError.invalid(path + ".uid", FieldChecks.str(ref.getUid()), "must not be empty"));
      }
      if (group.isEmpty() && version.equals("v1") && kind.equals("Event")) {
        errs.add(
            FieldError.invalid(path, ref, "/v1, Kind=Event is disallowed from being an owner"));
      }
      if (Boolean.TRUE.equals(ref.getController())) {
        String current = kind + "/" + ref.getName();
        if (firstController != null) {
          errs.add(
              FieldError.invalid(
                  path,
                  references,
                  "Only one reference can have Controller set to true. Found \"true\" in"
                      + " references for "
                      + firstController
                      + " and "
                      + current));
        } else {
          firstController = current;
        }
      }
    }
    return errs;
  }

  /** Finalizer names are qualified names, unprefixed ones standard; orphan excludes foreground. */
  public static List<FieldError> validateFinalizers(List<String> finalizers, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<String> all = list(finalizers);
    for (String finalizer : all) {
      errs.addAll(FieldChecks.qualifiedName(finalizer, path));
    }
    if (all.contains("orphan") && all.contains("foregroundDeletion")) {
      errs.add(
          FieldError.invalid(
              path, all, "finalizer orphan and foregroundDeletion cannot be both set"));
    }
    for (int i = 0; i < all.size(); i++) {
      errs.addAll(kubeFinalizerName(all.get(i), index(path, i)));
    }
    return errs;
  }

  /** Core's extra rule: a finalizer without a "/" must be one of the standard ones. */
  static List<FieldError> kubeFinalizerName(String finalizer, String path) {
    if (finalizer.contains("/") || STANDARD_FINALIZERS.contains(finalizer)) {
      return List.of();
    }
    return List.of(
        FieldError.invalid(
            path,
            finalizer,
            "name is neither a standard finalizer name nor is it fully qualified"));
  }

  /** Go's %#v of a []string. */
  static String goStrings(Iterable<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add("\"" + v + "\""));
    return quoted.stream().collect(Collectors.joining(", ", "[]string{", "}"));
  }

  private static List<FieldError> common(ObjectMeta meta, String path) {
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(validateLabels(meta.getLabels(), path + ".labels"));
    errs.addAll(validateAnnotations(meta.getAnnotations(), path + ".annotations"));
    errs.addAll(validateOwnerReferences(meta.getOwnerReferences(), path + ".ownerReferences"));
    return errs;
  }

  /** Upstream masks a generateName's trailing dash (and, quirkily, the character before it). */
  private static String maskTrailingDash(String name) {
    if (name.endsWith("-")) {
      return name.substring(0, Math.max(0, name.length() - 2)) + "a";
    }
    return name;
  }

  private static long utf8Length(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
