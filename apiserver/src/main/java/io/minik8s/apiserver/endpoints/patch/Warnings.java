package io.minik8s.apiserver.endpoints.patch;

import io.minik8s.apiserver.http.Responder;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warnings one request collects for its client (upstream's warning recorder): sent as {@code
 * Warning: 299 - "text"} with whatever response the request ends with. Thread-safe; a text
 * recorded twice is sent once; as upstream, a text with control characters is not sent.
 */
public final class Warnings {
  private final Set<String> texts = new LinkedHashSet<>();

  /** Records a warning; one with control characters cannot go in a header and is dropped. */
  public synchronized void add(String text) {
    if (text.chars().noneMatch(Character::isISOControl)) {
      texts.add(text);
    }
  }

  public void addAll(List<String> more) {
    more.forEach(this::add);
  }

  public synchronized List<String> texts() {
    return List.copyOf(texts);
  }

  /**
   * The response headers carrying the warnings: one {@code Warning} header listing them all
   * (RFC 7234 allows a comma-separated list; client-go reads it so), or none.
   */
  public synchronized Map<String, String> headers() {
    if (texts.isEmpty()) {
      return Map.of();
    }
    return Map.of("Warning",
        texts.stream().map(t -> "299 - " + quote(t)).collect(Collectors.joining(", ")));
  }

  /** The responder that adds these warnings, as they stand when it answers, to its response. */
  public Responder on(Responder responder) {
    return new Responder() {
      @Override
      public void respond(int status, String contentType, byte[] body, Map<String, String> h) {
        Map<String, String> all = new LinkedHashMap<>(h);
        all.putAll(headers());
        responder.respond(status, contentType, body, all);
      }

      @Override
      public Stream stream(String contentType) {
        return responder.stream(contentType);
      }
    };
  }

  /** An RFC 7230 quoted-string. */
  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\');
      }
      s.append(c);
    }
    return s.append('"').toString();
  }
}
