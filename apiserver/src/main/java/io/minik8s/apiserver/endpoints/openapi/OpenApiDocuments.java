package io.minik8s.apiserver.endpoints.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.minik8s.api.ResourceRegistry;
import io.minik8s.api.ResourceType;
import io.minik8s.api.Serialization;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAPI documents of a resource registry, rendered once into bytes: the v3 document of
 * each group version (keyed "api/v1", "apis/apps/v1", ...), the v3 index pointing at them by
 * content hash, and the v2 document. Keys are written sorted, so equal content gives equal bytes
 * and an equal hash across restarts.
 */
public final class OpenApiDocuments {
  /**
   * One rendered document.
   *
   * @param json its bytes
   * @param etag upstream's entity tag: the SHA-512 of the bytes in upper-case hex
   */
  public record Document(byte[] json, String etag) {}

  private final Map<String, Document> v3 = new LinkedHashMap<>();
  private final Document v3Index;
  private final Document v2;

  /**
   * @param kubernetesVersion the version the documents' info names, e.g. "v1.32.4"
   */
  public OpenApiDocuments(ResourceRegistry types, String kubernetesVersion) {
    ObjectMapper mapper = Serialization.json().copy()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    Map<Class<?>, List<Map<String, String>>> kinds = kinds(types);
    Map<Class<?>, Map<String, JavaType>> introspected = new HashMap<>();
    List<ApiPath> all = new ArrayList<>();
    Map<String, Object> index = new TreeMap<>();
    for (String group : types.groups()) {
      for (String version : types.versions(group)) {
        List<ResourceType> resources = types.inGroupVersion(group, version);
        List<ApiPath> paths = ApiPaths.of(group, version, resources);
        all.addAll(paths);
        String key = resources.get(0).groupVersionPath().substring(1);
        Document doc = render(mapper,
            OpenApiV3.document(kubernetesVersion, paths, kinds, introspected));
        v3.put(key, doc);
        index.put(key, Map.of("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + doc.etag()));
      }
    }
    v3Index = render(mapper, Map.of("paths", index));
    v2 = render(mapper, SwaggerV2.document(kubernetesVersion, all, kinds, introspected));
  }

  /** The v3 document of a group version path ("api/v1", "apis/apps/v1"), if served. */
  public Optional<Document> v3(String groupVersionPath) {
    return Optional.ofNullable(v3.get(groupVersionPath));
  }

  /** {@code {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=..."}, ...}}}. */
  public Document v3Index() {
    return v3Index;
  }

  public Document v2() {
    return v2;
  }

  /** The group/version/kinds each top-level model class stands for, as upstream lists them. */
  private static Map<Class<?>, List<Map<String, String>>> kinds(ResourceRegistry types) {
    Map<Class<?>, List<Map<String, String>>> kinds = new LinkedHashMap<>();
    List<Map<String, String>> deleteOptions = new ArrayList<>();
    deleteOptions.add(ApiPaths.gvk("", "v1", "DeleteOptions"));
    for (ResourceType t : types.all()) {
      kinds.put(t.type(), List.of(ApiPaths.gvk(t.group(), t.version(), t.kind())));
      if (t.listType() != null) {
        kinds.put(t.listType(), List.of(ApiPaths.gvk(t.group(), t.version(), t.listKind())));
      }
      Map<String, String> options = ApiPaths.gvk(t.group(), t.version(), "DeleteOptions");
      if (!deleteOptions.contains(options)) {
        deleteOptions.add(options);
      }
    }
    kinds.put(DeleteOptions.class, List.copyOf(deleteOptions));
    kinds.put(Status.class, List.of(ApiPaths.gvk("", "v1", "Status")));
    kinds.put(APIResourceList.class, List.of(ApiPaths.gvk("", "v1", "APIResourceList")));
    kinds.putIfAbsent(Scale.class, List.of(ApiPaths.gvk("autoscaling", "v1", "Scale")));
    kinds.putIfAbsent(Eviction.class, List.of(ApiPaths.gvk("policy", "v1", "Eviction")));
    return kinds;
  }

  private static Document render(ObjectMapper mapper, Object doc) {
    try {
      byte[] json = mapper.writeValueAsBytes(doc);
      return new Document(json, etag(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render an OpenAPI document", e);
    }
  }

  static String etag(byte[] content) {
    try {
      return HexFormat.of().withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is a required algorithm", e);
    }
  }
}
