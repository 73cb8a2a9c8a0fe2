package io.minik8s.apiserver.http;

import io.minik8s.api.ApiException;
import io.minik8s.api.Serialization;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a full request on the event loop, applies the in-flight limit, and hands the request to
 * the pipeline on the worker pool.
 */
final class HttpServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServerHandler.class);

  private final RequestHandler handler;
  private final Executor workers;
  private final InflightLimiter limiter;

  HttpServerHandler(RequestHandler handler, Executor workers, InflightLimiter limiter) {
    this.handler = handler;
    this.workers = workers;
    this.limiter = limiter;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
    QueryStringDecoder decoder = new QueryStringDecoder(msg.uri());
    ApiRequest request =
        new ApiRequest(
            msg.method().name(),
            decoder.path(),
            decoder.parameters(),
            msg.headers().copy(),
            ByteBufUtil.getBytes(msg.content()));
    boolean keepAlive = HttpUtil.isKeepAlive(msg);
    boolean longRunning = request.flag("watch") || request.path().contains("/watch/");
    boolean mutating = !(request.method().equals("GET") || request.method().equals("HEAD"));
    Runnable release = longRunning ? () -> {} : limiter.tryAcquire(mutating);
    if (release == null) {
      NettyResponder responder = new NettyResponder(ctx, keepAlive, () -> {});
      writeStatus(responder, ApiException.tooManyRequests(1), Map.of("Retry-After", "1"));
      return;
    }
    NettyResponder responder = new NettyResponder(ctx, keepAlive, release);
    try {
      workers.execute(
          () -> {
            try {
              handler.handle(request, responder);
            } catch (ApiException e) {
              writeStatus(responder, e, Map.of());
            } catch (RuntimeException e) {
              LOG.error("{} {} failed", request.method(), request.path(), e);
              writeStatus(responder, ApiException.internal(String.valueOf(e)), Map.of());
            }
          });
    } catch (RejectedExecutionException e) {
      writeStatus(responder, ApiException.tooManyRequests(1), Map.of("Retry-After", "1"));
    }
  }

  static void writeStatus(Responder responder, ApiException e, Map<String, String> headers) {
    try {
      byte[] body = Serialization.json().writeValueAsBytes(e.status());
      responder.respond(e.code(), "application/json", body, headers);
    } catch (Exception encoding) {
      responder.respond(500, "text/plain", "internal error".getBytes(), Map.of());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection error", cause);
    ctx.close();
  }
}
