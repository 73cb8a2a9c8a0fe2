package io.minik8s.apiserver.http;

import java.util.Map;

/**
 * How an endpoint answers one request: once with a full response, or by opening a chunked stream
 * (watch). Thread-safe: may be called from any thread; writes are handed to the channel's event
 * loop.
 */
public interface Responder {

  void respond(int status, String contentType, byte[] body, Map<String, String> headers);

  /** Starts a 200 chunked response; the stream ends with {@link Stream#end()}. */
  Stream stream(String contentType);

  /** A chunked response in progress. */
  interface Stream {
    /** Writes one chunk; returns false once the client has gone or the stream ended. */
    boolean write(byte[] chunk);

    /** Whether the connection can take more without buffering (Netty's writability). */
    boolean isWritable();

    /** Ends the response (last chunk). Idempotent. */
    void end();

    /** Runs when the client closes the connection or the stream ends. */
    void onClose(Runnable action);
  }
}
