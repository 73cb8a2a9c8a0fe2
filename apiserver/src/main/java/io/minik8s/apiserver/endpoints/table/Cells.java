package io.minik8s.apiserver.endpoints.table;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Cell formatting shared by the printers, as upstream's printer helpers format values. */
final class Cells {
  static final String NONE = "<none>";

  private Cells() {}

  static String str(String s) {
    return s == null ? "" : s;
  }

  static long num(Integer i) {
    return i == null ? 0 : i;
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  /** An exact-match label map as "a=b,c=d" (sorted by key), "<none>" if empty (FormatLabels). */
  static String labels(Map<String, String> labels) {
    String s = io.minik8s.api.selector.LabelSelector.fromSet(labels).toString();
    return s.isEmpty() ? NONE : s;
  }

  /** A label selector as upstream's FormatLabelSelector: "<none>" when it selects all or none. */
  static String formatSelector(LabelSelector selector) {
    try {
      String s = io.minik8s.api.selector.LabelSelector.from(selector).toString();
      return s.isEmpty() ? NONE : s;
    } catch (IllegalArgumentException e) {
      return "<error>";
    }
  }

  /** A label selector's canonical string ("" when it selects all or none), "<invalid>" if bad. */
  static String selectorString(LabelSelector selector) {
    try {
      return io.minik8s.api.selector.LabelSelector.from(selector).toString();
    } catch (IllegalArgumentException e) {
      return "<invalid>";
    }
  }

  /** The names and images of a pod template's containers, comma-joined (layoutContainerCells). */
  static List<Object> containersAndImages(PodTemplateSpec template) {
    List<Container> containers =
        template == null || template.getSpec() == null
            ? List.of()
            : list(template.getSpec().getContainers());
    return List.of(join(containers, Container::getName), join(containers, Container::getImage));
  }

  static <T> String join(List<T> items, Function<T, String> value) {
    List<String> parts = new ArrayList<>();
    items.forEach(item -> parts.add(str(value.apply(item))));
    return String.join(",", parts);
  }

  /** An int-or-string as upstream's IntOrString.String(), "N/A" when unset. */
  static String intOrString(IntOrString value) {
    if (value == null) {
      return "N/A";
    }
    if (value.getIntVal() != null) {
      return String.valueOf(value.getIntVal());
    }
    if (value.getStrVal() != null) {
      return value.getStrVal();
    }
    return String.valueOf(value.getValue());
  }

  /** Up to three items then " + N more...", or "<unset>" when empty (listWithMoreString). */
  static String firstThree(List<String> items) {
    int max = 3;
    if (items.isEmpty()) {
      return "<unset>";
    }
    String shown = String.join(",", items.subList(0, Math.min(max, items.size())));
    return items.size() > max ? shown + " + " + (items.size() - max) + " more..." : shown;
  }
}
