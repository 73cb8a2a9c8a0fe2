package io.minik8s.apiserver.endpoints.table;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * An object reduced to its metadata (upstream's meta.k8s.io PartialObjectMetadata): what Table rows
 * carry by default, so that clients see namespace and labels ({@code -A}, {@code --show-labels})
 * without the whole object.
 */
@JsonPropertyOrder({"kind", "apiVersion", "metadata"})
public record PartialObjectMetadata(String kind, String apiVersion, ObjectMeta metadata) {

  public static PartialObjectMetadata of(String version, ObjectMeta metadata) {
    return new PartialObjectMetadata("PartialObjectMetadata", "meta.k8s.io/" + version, metadata);
  }
}
