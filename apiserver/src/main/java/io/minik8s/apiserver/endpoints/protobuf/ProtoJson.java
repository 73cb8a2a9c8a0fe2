package io.minik8s.apiserver.endpoints.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.minik8s.api.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.function.Function;

/**
 * Turns a decoded protobuf message into the JSON tree of the same Go object: field names as
 * generated.proto spells them (the JSON names), zero values dropped or kept as Go's JSON would
 * ({@link GoFieldPresence}), and apimachinery's types in their JSON forms: IntOrString as a
 * number or string, Quantity as its string, Time and MicroTime as RFC 3339, Duration in Go's
 * syntax, bytes as base64, RawExtension and FieldsV1 as the JSON they carry.
 */
final class ProtoJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Function<byte[], JsonNode> embedded;

  /**
   * @param embedded decodes the bytes of a RawExtension or runtime.Unknown that are not JSON
   *     (a nested protobuf envelope)
   */
  ProtoJson(Function<byte[], JsonNode> embedded) {
    this.embedded = embedded;
  }

  /** The object's tree, led by the apiVersion and kind the envelope named. */
  ObjectNode toTree(Message message, String apiVersion, String kind) {
    ObjectNode tree = NODES.objectNode();
    tree.put("apiVersion", apiVersion);
    tree.put("kind", kind);
    tree.setAll(fields(message));
    return tree;
  }

  /** The fields of a message in declaration order, which is the Go struct's order. */
  private ObjectNode fields(Message message) {
    ObjectNode object = NODES.objectNode();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      JsonNode value = null;
      if (field.isMapField()) {
        value = map(message, field);
      } else if (field.isRepeated()) {
        value = list(message, field);
      } else if (message.hasField(field)) {
        value = single(field, message.getField(field));
      }
      if (value != null) {
        object.set(field.getName(), value);
      }
    }
    return object;
  }

  private JsonNode map(Message message, FieldDescriptor field) {
    int count = message.getRepeatedFieldCount(field);
    if (count == 0) {
      return null;
    }
    Descriptor entry = field.getMessageType();
    FieldDescriptor key = entry.findFieldByNumber(1);
    FieldDescriptor value = entry.findFieldByNumber(2);
    ObjectNode map = NODES.objectNode();
    for (int i = 0; i < count; i++) {
      Message e = (Message) message.getRepeatedField(field, i);
      JsonNode v = element(value, e.getField(value));
      map.set(String.valueOf(e.getField(key)), v == null ? NODES.nullNode() : v);
    }
    return map;
  }

  private JsonNode list(Message message, FieldDescriptor field) {
    int count = message.getRepeatedFieldCount(field);
    if (count == 0) {
      return null;
    }
    ArrayNode list = NODES.arrayNode(count);
    for (int i = 0; i < count; i++) {
      JsonNode v = element(field, message.getRepeatedField(field, i));
      list.add(v == null ? NODES.nullNode() : v);
    }
    return list;
  }

  /** A singular field's value, or null when Go's JSON would leave the field out. */
  private JsonNode single(FieldDescriptor field, Object value) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
        && isZero(value) && !GoFieldPresence.keepsZero(field)) {
      return null;
    }
    return element(field, value);
  }

  /** A value as it stands in a list or map: zero values are kept there. */
  private JsonNode element(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case INT -> NODES.numberNode((Integer) value);
      case LONG -> NODES.numberNode((Long) value);
      case FLOAT -> NODES.numberNode((Float) value);
      case DOUBLE -> NODES.numberNode((Double) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case STRING -> NODES.textNode((String) value);
      case BYTE_STRING -> NODES.textNode(
          Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM -> NODES.textNode(value.toString());
      case MESSAGE -> message((Message) value);
    };
  }

  private JsonNode message(Message m) {
    String type = m.getDescriptorForType().getFullName();
    return switch (type) {
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> intOrString(m);
      case "k8s.io.apimachinery.pkg.api.resource.Quantity",
          "k8s.io.apimachinery.pkg.api.resource.QuantityValue" -> quantity(m);
      case META + "Time" -> time(m, false);
      case META + "MicroTime" -> time(m, true);
      case META + "Duration" -> NODES.textNode(
          GoDuration.format(Duration.ofNanos(number(m, "duration"))));
      case META + "FieldsV1", "k8s.io.apimachinery.pkg.runtime.RawExtension" -> raw(m);
      default -> fields(m);
    };
  }

  private static JsonNode intOrString(Message m) {
    // type 1 is intstr.String; anything else reads the int, as Go's MarshalJSON does
    if (number(m, "type") == 1) {
      return NODES.textNode(text(m, "strVal"));
    }
    return NODES.numberNode((int) number(m, "intVal"));
  }

  private static JsonNode quantity(Message m) {
    String s = text(m, "string");
    // the zero Quantity marshals as "0"
    return NODES.textNode(s.isEmpty() ? "0" : s);
  }

  /** RFC 3339 in UTC; the zero time (an empty message) is left out, as Go writes null. */
  private static JsonNode time(Message m, boolean micro) {
    if (m.getAllFields().isEmpty()) {
      return null;
    }
    Instant instant = Instant.ofEpochSecond(number(m, "seconds"), number(m, "nanos"));
    return NODES.textNode(micro
        ? MICRO.format(instant.truncatedTo(ChronoUnit.MICROS))
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
  }

  private JsonNode raw(Message m) {
    FieldDescriptor rawField = m.getDescriptorForType().findFieldByName("raw");
    byte[] bytes = ((ByteString) m.getField(rawField)).toByteArray();
    if (bytes.length == 0) {
      return null;
    }
    return embedded.apply(bytes);
  }

  private static long number(Message m, String name) {
    FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
    return ((Number) m.getField(f)).longValue();
  }

  private static String text(Message m, String name) {
    return (String) m.getField(m.getDescriptorForType().findFieldByName(name));
  }

  private static boolean isZero(Object value) {
    if (value instanceof String s) {
      return s.isEmpty();
    }
    if (value instanceof Boolean b) {
      return !b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() == 0;
    }
    return value instanceof ByteString b && b.isEmpty();
  }
}
