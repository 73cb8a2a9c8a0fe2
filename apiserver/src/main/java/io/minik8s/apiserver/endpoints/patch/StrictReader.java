package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON (or YAML) document into a tree while checking it against a {@link Shape}, as
 * upstream's strict decoder does: members the type lacks are left out of the tree and reported as
 * {@code unknown field "path"}, members given twice are reported as {@code duplicate field
 * "path"} (the last one wins), in document order. A member both unknown and repeated is reported
 * once, as unknown.
 */
final class StrictReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonParser parser;
  private final List<String> errors = new ArrayList<>();

  private StrictReader(JsonParser parser) {
    this.parser = parser;
  }

  /**
   * Reads one document from the parser (positioned before it).
   *
   * @throws IOException on a syntax error or an empty input
   */
  static StrictFields.Decoded read(JsonParser parser, Shape shape) throws IOException {
    StrictReader reader = new StrictReader(parser);
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new IOException("unexpected end of JSON input");
    }
    JsonNode tree = reader.value(first, shape, "");
    return new StrictFields.Decoded(tree, reader.errors);
  }

  private JsonNode value(JsonToken token, Shape shape, String path) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(shape, path);
      case START_ARRAY -> array(shape, path);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(parser.getEmbeddedObject());
      default -> throw new IOException("unexpected token " + token);
    };
  }

  private ObjectNode object(Shape shape, String path) throws IOException {
    ObjectNode node = NODES.objectNode();
    Set<String> unknown = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw new IOException("unexpected token " + t);
      }
      String name = parser.currentName();
      JsonToken valueToken = parser.nextToken();
      Shape member = shape.member(name);
      if (member == null) {
        if (unknown.add(name)) {
          errors.add("unknown field \"" + join(path, name) + "\"");
        }
        parser.skipChildren();
        continue;
      }
      if (!seen.add(name)) {
        errors.add("duplicate field \"" + join(path, name) + "\"");
      }
      // paths are only built where errors can follow: below objects and arrays
      node.set(name, value(valueToken, member, valueToken.isStructStart() ? join(path, name) : ""));
    }
    return node;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private ArrayNode array(Shape shape, String path) throws IOException {
    ArrayNode node = NODES.arrayNode();
    Shape element = shape.element();
    int i = 0;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      node.add(value(t, element, t.isStructStart() ? path + "[" + i + "]" : ""));
      i++;
    }
    return node;
  }
}
