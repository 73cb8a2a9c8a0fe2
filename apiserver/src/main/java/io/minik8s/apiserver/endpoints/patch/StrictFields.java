package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Upstream's strict decoding of request bodies against the object model: finds the fields a type
 * lacks (which fabric8's models would otherwise keep, and the server store) and the fields given
 * twice, and leaves the unknown ones out of what gets decoded.
 */
public final class StrictFields {
  private final ModelSchema schema;

  public StrictFields(ModelSchema schema) {
    this.schema = schema;
  }

  public ModelSchema schema() {
    return schema;
  }

  /** A document without its unknown fields, and the strict decoding errors found in it. */
  public record Decoded(JsonNode tree, List<String> errors) {
    public Decoded {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads a create or update body of the given type; errors come in document order.
   *
   * @throws IOException when the body is not a JSON (or YAML) document
   */
  public Decoded read(ObjectMapper mapper, byte[] body, Class<?> type) throws IOException {
    return read(mapper, body, schema.shape(schema.type(type)));
  }

  /** Reads a document against any shape (a patch body: {@link Shape#ANY} finds duplicates). */
  public Decoded read(ObjectMapper mapper, byte[] body, Shape shape) throws IOException {
    try (JsonParser parser = mapper.createParser(body)) {
      return StrictReader.read(parser, shape);
    }
  }

  /**
   * Removes the fields the type lacks from a tree (a patched object) and reports them, walking
   * members in key order as upstream's decoder of re-encoded patch results does.
   */
  public List<String> prune(JsonNode tree, Class<?> type) {
    List<String> errors = new ArrayList<>();
    prune(tree, schema.shape(schema.type(type)), "", errors);
    return errors;
  }

  private static void prune(JsonNode node, Shape shape, String path, List<String> errors) {
    if (node instanceof ObjectNode object) {
      for (String name : new TreeSet<>(iterable(object))) {
        String memberPath = path.isEmpty() ? name : path + "." + name;
        Shape member = shape.member(name);
        if (member == null) {
          errors.add("unknown field \"" + memberPath + "\"");
          object.remove(name);
        } else {
          prune(object.get(name), member, memberPath, errors);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        prune(array.get(i), shape.element(), path + "[" + i + "]", errors);
      }
    }
  }

  private static List<String> iterable(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
