package io.minik8s.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A short description of how two JSON trees differ, one changed field per line (" spec.nodeName:
 * "a" -> "b""), where upstream prints a go-cmp diff of the Go structs.
 */
final class SpecDiff {
  private static final int MAX_LINES = 20;

  private SpecDiff() {}

  static String describe(JsonNode before, JsonNode after) {
    List<String> lines = new ArrayList<>();
    walk("spec", before, after, lines);
    if (lines.size() > MAX_LINES) {
      int more = lines.size() - MAX_LINES;
      lines = new ArrayList<>(lines.subList(0, MAX_LINES));
      lines.add("  ... (" + more + " more)");
    }
    return String.join("\n", lines);
  }

  private static void walk(String path, JsonNode before, JsonNode after, List<String> lines) {
    if (before.equals(after)) {
      return;
    }
    if (before.isObject() && after.isObject()) {
      TreeSet<String> fields = new TreeSet<>();
      before.fieldNames().forEachRemaining(fields::add);
      after.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        walk(path + "." + field, at(before, field), at(after, field), lines);
      }
      return;
    }
    if (before.isArray() && after.isArray() && before.size() == after.size()) {
      for (int i = 0; i < before.size(); i++) {
        walk(path + "[" + i + "]", before.get(i), after.get(i), lines);
      }
      return;
    }
    lines.add("  " + path + ": " + render(before) + " -> " + render(after));
  }

  private static JsonNode at(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? MissingNode.getInstance() : value;
  }

  private static String render(JsonNode node) {
    return node.isMissingNode() ? "<unset>" : node.toString();
  }
}
