package io.minik8s.apiserver.endpoints.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.minik8s.api.Serialization;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * OpenAPI schemas of model classes, found by Jackson introspection (the properties are those the
 * server decodes): objects with typed properties, arrays, maps as additionalProperties, and
 * references to other definitions under upstream's names. The model carries no field
 * documentation at run time, so properties have no descriptions.
 */
final class SchemaGenerator {
  private static final Map<String, Map<String, Object>> SCALARS = Map.of(
      ModelNames.TIME, scalar("string", "date-time",
          "Time is a timestamp in RFC 3339 form, to the second."),
      ModelNames.MICRO_TIME, scalar("string", "date-time",
          "MicroTime is a timestamp in RFC 3339 form, to the microsecond."),
      ModelNames.INT_OR_STRING, scalar("string", "int-or-string",
          "IntOrString holds either an int32 or a string, written as a JSON number or string."),
      ModelNames.QUANTITY, scalar("string", null,
          "Quantity is a fixed-point number with an optional suffix (SI or binary), e.g. 500m,"
              + " 128Mi, 1.5, 2e3."),
      ModelNames.RAW_EXTENSION, scalar("object", null,
          "RawExtension holds an embedded object as JSON."));

  private final ObjectMapper mapper = Serialization.json();
  private final Map<Class<?>, Map<String, JavaType>> introspected;
  private final String refPrefix;
  private final SortedMap<String, Map<String, Object>> schemas = new TreeMap<>();
  private final Map<String, Class<?>> classes = new HashMap<>();

  /**
   * @param refPrefix where definitions live: "#/components/schemas/" or "#/definitions/"
   * @param introspected the properties of classes already looked at, shared between generators
   *     since introspection is most of the work
   */
  SchemaGenerator(String refPrefix, Map<Class<?>, Map<String, JavaType>> introspected) {
    this.refPrefix = refPrefix;
    this.introspected = introspected;
  }

  /** Adds the schema of a model class and of everything it refers to; returns its name. */
  String add(Class<?> type) {
    String name = ModelNames.of(type);
    Class<?> known = classes.putIfAbsent(name, type);
    if (known != null) {
      if (known != type) {
        throw new IllegalStateException(name + " names both " + known + " and " + type);
      }
      return name;
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    // registered before its properties, so that cycles end at the reference
    schemas.put(name, schema);
    SortedMap<String, Object> properties = new TreeMap<>();
    introspected.computeIfAbsent(type, this::introspect)
        .forEach((property, javaType) -> properties.put(property, property(property, javaType)));
    if (!properties.isEmpty()) {
      schema.put("properties", properties);
    }
    schema.put("type", "object");
    return name;
  }

  private Map<String, JavaType> introspect(Class<?> type) {
    BeanDescription bean =
        mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    Map<String, JavaType> properties = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      properties.put(p.getName(), p.getPrimaryType());
    }
    return properties;
  }

  /** Sets an extension (e.g. x-kubernetes-group-version-kind) on a generated definition. */
  private void annotate(String name, String key, Object value) {
    Map<String, Object> schema = schemas.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no definition " + name);
    }
    schema.put(key, value);
  }

  /**
   * Marks the definitions of kinds with upstream's x-kubernetes-group-version-kind (a list: some
   * kinds, such as DeleteOptions, belong to several group versions), which kubectl explain uses
   * to find a kind's schema. Classes without a definition here are skipped.
   */
  void markKinds(Map<Class<?>, List<Map<String, String>>> kinds) {
    kinds.forEach((type, gvks) -> {
      String name = ModelNames.of(type);
      if (classes.get(name) == type) {
        annotate(name, "x-kubernetes-group-version-kind", gvks);
      }
    });
  }

  /** Adds a hand-written definition (e.g. meta/v1 Patch). */
  void define(String name, Map<String, Object> schema) {
    schemas.put(name, new LinkedHashMap<>(schema));
  }

  /** The definitions so far, by name, sorted. */
  SortedMap<String, Map<String, Object>> schemas() {
    return schemas;
  }

  /** A reference to a definition, e.g. {"$ref": "#/components/schemas/io.k8s.api.core.v1.Pod"}. */
  Map<String, Object> ref(String name) {
    return Map.of("$ref", refPrefix + name);
  }

  private Object property(String name, JavaType type) {
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return Map.of("type", "array", "items", value(null, type.getContentType()));
    }
    if (type.isMapLikeType()) {
      return Map.of("type", "object", "additionalProperties", value(null, type.getContentType()));
    }
    return value(name, type);
  }

  private Map<String, Object> value(String property, JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == String.class) {
      return property != null && ModelNames.isTime(property)
          ? special(ModelNames.TIME) : Map.of("type", "string");
    }
    if (raw == Integer.class || raw == int.class || raw == Short.class) {
      return Map.of("type", "integer", "format", "int32");
    }
    if (raw == Long.class || raw == long.class) {
      return Map.of("type", "integer", "format", "int64");
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return Map.of("type", "boolean");
    }
    if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
      return Map.of("type", "number", "format", "double");
    }
    if (raw == MicroTime.class || Temporal.class.isAssignableFrom(raw)) {
      return special(ModelNames.MICRO_TIME);
    }
    if (raw == IntOrString.class) {
      return special(ModelNames.INT_OR_STRING);
    }
    if (raw == Quantity.class) {
      return special(ModelNames.QUANTITY);
    }
    if (raw == RawExtension.class) {
      return special(ModelNames.RAW_EXTENSION);
    }
    if (raw.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        values.add(mapper.convertValue(constant, String.class));
      }
      return Map.of("type", "string", "enum", values);
    }
    if (raw == Object.class || raw.isInterface() || JsonNode.class.isAssignableFrom(raw)
        || !raw.getName().startsWith("io.fabric8.kubernetes.api.model")) {
      // embedded objects of any kind (WatchEvent.object, ...)
      return Map.of("type", "object", "x-kubernetes-preserve-unknown-fields", true);
    }
    return ref(add(raw));
  }

  private Map<String, Object> special(String name) {
    schemas.computeIfAbsent(name, n -> new LinkedHashMap<>(SCALARS.get(n)));
    return ref(name);
  }

  private static Map<String, Object> scalar(String type, String format, String description) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("description", description);
    if (format != null) {
      schema.put("format", format);
    }
    schema.put("type", type);
    return Map.copyOf(schema);
  }
}
