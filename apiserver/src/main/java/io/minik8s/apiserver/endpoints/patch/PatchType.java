package io.minik8s.apiserver.endpoints.patch;

import io.minik8s.api.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The patch media types a PATCH request may carry (its Content-Type). */
public enum PatchType {
  JSON_PATCH("application/json-patch+json"),
  MERGE_PATCH("application/merge-patch+json"),
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The patch type of a Content-Type header (parameters such as charset ignored). Anything else,
   * server-side apply's {@code application/apply-patch+yaml} included, is upstream's 415.
   */
  public static PatchType fromContentType(String contentType) {
    String media = contentType == null ? "" : contentType;
    int semi = media.indexOf(';');
    media = (semi < 0 ? media : media.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    for (PatchType t : values()) {
      if (t.mediaType.equals(media)) {
        return t;
      }
    }
    throw new ApiException(ApiException.failure(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + Arrays.stream(values()).map(PatchType::mediaType).collect(Collectors.joining(", ")),
        null));
  }
}
