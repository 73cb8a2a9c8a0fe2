package io.minik8s.apiserver.registry.service.allocator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Base64;
import java.util.Map;

/**
 * The value stored at /registry/ranges/serviceips and /registry/ranges/servicenodeports, shaped as
 * upstream's core RangeAllocation: the range it covers and its bitmap (base64 in JSON).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "range", "data"})
record RangeAllocation(
    String kind, String apiVersion, Map<String, Object> metadata, String range, String data) {

  static RangeAllocation of(String range, byte[] bitmap) {
    return new RangeAllocation(
        "RangeAllocation", "v1", Map.of(), range, Base64.getEncoder().encodeToString(bitmap));
  }

  byte[] bitmap() {
    return data == null ? new byte[0] : Base64.getDecoder().decode(data);
  }
}
