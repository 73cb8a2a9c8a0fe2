package io.minik8s.apiserver.endpoints.patch;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.fabric8.kubernetes.api.model.AnyType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON structure of the object model as the shared mapper decodes it: which fields a model
 * class has (their JSON names and types), and which types are lists, maps or opaque values. This
 * is what upstream reads from Go struct tags; here Jackson's own deserializers are asked, so the
 * answer is exactly what decoding accepts. Thread-safe; answers are cached per type.
 */
public final class ModelSchema {
  /** How a type appears in JSON. */
  public enum Kind {
    /** An object with a fixed set of fields (a model class). */
    STRUCT,
    /** An array. */
    LIST,
    /** An object with arbitrary keys. */
    MAP,
    /** A scalar, or a value whose structure the schema does not know. */
    OPAQUE
  }

  private final ObjectMapper mapper;
  private final Map<JavaType, Map<String, JavaType>> fields = new ConcurrentHashMap<>();
  private final Map<JavaType, Shape> shapes = new ConcurrentHashMap<>();
  private final Map<JavaType, Kind> kinds = new ConcurrentHashMap<>();

  public ModelSchema(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public JavaType type(Class<?> type) {
    return mapper.constructType(type);
  }

  public Kind kind(JavaType type) {
    return kinds.computeIfAbsent(type, this::classify);
  }

  private Kind classify(JavaType type) {
    if (type.isMapLikeType()) {
      return Kind.MAP;
    }
    if (type.isCollectionLikeType() || (type.isArrayType() && !type.hasRawClass(byte[].class))) {
      return Kind.LIST;
    }
    Class<?> raw = type.getRawClass();
    if (raw.isPrimitive() || raw.isEnum() || raw.isInterface() || raw == Object.class
        || Number.class.isAssignableFrom(raw) || CharSequence.class.isAssignableFrom(raw)
        || raw == Boolean.class || JsonNode.class.isAssignableFrom(raw)
        || AnyType.class.isAssignableFrom(raw)) {
      return Kind.OPAQUE;
    }
    // a model class without properties holds free-form content in its additionalProperties
    // (FieldsV1, raw extensions): upstream decodes those as raw JSON too
    return deserializer(type) instanceof BeanDeserializerBase && !fields(type).isEmpty()
        ? Kind.STRUCT : Kind.OPAQUE;
  }

  /** The element type of a list, or the value type of a map. */
  public JavaType element(JavaType type) {
    return type.getContentType() == null ? type(Object.class) : type.getContentType();
  }

  /** The fields of a struct type by JSON name; empty for anything else. */
  public Map<String, JavaType> fields(JavaType type) {
    return fields.computeIfAbsent(type, t -> {
      Map<String, JavaType> result = new LinkedHashMap<>();
      if (deserializer(t) instanceof BeanDeserializerBase bean) {
        bean.properties().forEachRemaining(p -> result.put(p.getName(), p.getType()));
      }
      return Map.copyOf(result);
    });
  }

  /** The shape of documents of a type, for strict decoding. */
  public Shape shape(JavaType type) {
    Shape cached = shapes.get(type);
    if (cached != null) {
      return cached;
    }
    JavaType content = element(type);
    Shape shape = switch (kind(type)) {
      case STRUCT -> new Shape() {
        @Override
        public Shape member(String name) {
          JavaType field = fields(type).get(name);
          return field == null ? null : shape(field);
        }

        @Override
        public Shape element() {
          return ANY;
        }
      };
      case MAP -> new Shape() {
        @Override
        public Shape member(String name) {
          return shape(content);
        }

        @Override
        public Shape element() {
          return ANY;
        }
      };
      case LIST -> new Shape() {
        @Override
        public Shape member(String name) {
          return ANY;
        }

        @Override
        public Shape element() {
          return shape(content);
        }
      };
      case OPAQUE -> Shape.ANY;
    };
    shapes.putIfAbsent(type, shape);
    return shape;
  }

  private JsonDeserializer<?> deserializer(JavaType type) {
    // a fresh context per lookup: contexts are not thread-safe, the deserializer cache behind is
    DefaultDeserializationContext context =
        ((DefaultDeserializationContext) mapper.getDeserializationContext())
            .createDummyInstance(mapper.getDeserializationConfig());
    try {
      return context.findRootValueDeserializer(type);
    } catch (JsonMappingException e) {
      return null;
    }
  }
}
