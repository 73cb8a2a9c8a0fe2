package io.minik8s.apiserver.http;

import io.minik8s.api.ApiException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executor;

/** The API server's HTTP/1.1 listener (keep-alive, chunked streaming, 3 MiB body limit). */
public final class HttpServer implements AutoCloseable {
  /** Upstream's request body limit (3 MiB). */
  public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
  private Channel channel;

  /** Binds and starts serving; returns the bound address (port 0 picks a free one). */
  public InetSocketAddress start(
      String host, int port, RequestHandler handler, Executor workers, InflightLimiter limiter)
      throws InterruptedException {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new io.netty.channel.WriteBufferWaterMark(4 << 20, 8 << 20))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new LimitedAggregator())
                        .addLast(new HttpServerHandler(handler, workers, limiter));
                  }
                });
    channel = bootstrap.bind(host, port).sync().channel();
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    // in-flight responses were written before close; no quiet period is needed
    boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    io.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Aggregates bodies up to the limit and answers larger ones with a 413 Status. */
  private static final class LimitedAggregator extends HttpObjectAggregator {
    LimitedAggregator() {
      super(MAX_BODY_BYTES);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      // keep the connection: the aggregator discards the rest of the body, and closing while
      // the client still sends would make it miss the 413
      NettyResponder responder = new NettyResponder(ctx, true, () -> {});
      HttpServerHandler.writeStatus(
          responder, ApiException.requestEntityTooLarge(MAX_BODY_BYTES), Map.of());
    }
  }
}
