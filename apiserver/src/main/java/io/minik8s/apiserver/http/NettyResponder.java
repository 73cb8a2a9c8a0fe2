package io.minik8s.apiserver.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Writes one request's response to its Netty channel. */
final class NettyResponder implements Responder {
  private final ChannelHandlerContext ctx;
  private final boolean keepAlive;
  private final Runnable onDone;
  private final AtomicBoolean answered = new AtomicBoolean();

  NettyResponder(ChannelHandlerContext ctx, boolean keepAlive, Runnable onDone) {
    this.ctx = ctx;
    this.keepAlive = keepAlive;
    this.onDone = onDone;
  }

  @Override
  public void respond(int status, String contentType, byte[] body, Map<String, String> headers) {
    if (!answered.compareAndSet(false, true)) {
      return;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    headers.forEach((k, v) -> response.headers().set(k, v));
    HttpUtil.setKeepAlive(response, keepAlive);
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
    onDone.run();
  }

  @Override
  public Stream stream(String contentType) {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("already answered");
    }
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, private");
    ctx.writeAndFlush(response);
    return new ChunkStream();
  }

  private final class ChunkStream implements Stream {
    private final AtomicBoolean ended = new AtomicBoolean();
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();

    ChunkStream() {
      ctx.channel().closeFuture().addListener(f -> finish());
    }

    @Override
    public boolean write(byte[] chunk) {
      if (ended.get() || !ctx.channel().isActive()) {
        return false;
      }
      ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
      return true;
    }

    @Override
    public boolean isWritable() {
      return ctx.channel().isWritable();
    }

    @Override
    public void end() {
      if (ctx.channel().isActive() && !ended.get()) {
        var future = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
          future.addListener(ChannelFutureListener.CLOSE);
        }
      }
      finish();
    }

    private void finish() {
      if (ended.compareAndSet(false, true)) {
        onDone.run();
        closeActions.forEach(Runnable::run);
      }
    }

    @Override
    public void onClose(Runnable action) {
      closeActions.add(action);
      if (ended.get()) {
        action.run();
      }
    }
  }
}
