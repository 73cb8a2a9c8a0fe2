package io.minik8s.apiserver.http;

/** The request pipeline behind the HTTP layer (routing, filters, endpoints). */
@FunctionalInterface
public interface RequestHandler {
  /**
   * Handles one request on a worker thread (never the event loop). Must eventually answer through
   * the responder, also on failure.
   */
  void handle(ApiRequest request, Responder responder);
}
