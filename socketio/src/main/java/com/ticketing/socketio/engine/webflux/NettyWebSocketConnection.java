package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.server.EngineSession;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of the pipeline of a WebSocket that {@link NettyWebSocketUpgrade} took: hands text and
 * binary messages to the session, answers WebSocket pings and the client's close, and reports the
 * connection's end with the reason its failure maps to. Runs on the channel's event loop, which
 * owns the session too.
 */
final class NettyWebSocketConnection extends ChannelInboundHandlerAdapter {

    private final NettyWebSocketLink link;
    private EngineSession session;
    private DisconnectReason failure;

    NettyWebSocketConnection(NettyWebSocketLink link) {
        this.link = link;
    }

    /** The handshake is done: frames from now on are this session's (its own link, or a probe). */
    void start(EngineSession session) {
        this.session = session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (session == null) {
                return; // the upgrade request's own trailing content
            }
            if (msg instanceof TextWebSocketFrame text) {
                session.onWebSocketText(link, text.text());
            } else if (msg instanceof BinaryWebSocketFrame binary) {
                session.onWebSocketBinary(link, ByteBufUtil.getBytes(binary.content()));
            } else if (msg instanceof PingWebSocketFrame ping && ctx.channel().isWritable() && !link.isClosing()) {
                // answered while the client reads its answers: a client flooding pings cannot grow our buffer
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame close && !link.isClosing()) {
                // the client closes: answer with its status, as the closing handshake asks, then hang up
                link.ended();
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode() < 0
                        ? WebSocketCloseStatus.NORMAL_CLOSURE.code() : close.statusCode(), null))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = EngineIoFailures.reasonFor(cause);
        }
        if (failure == DisconnectReason.PAYLOAD_TOO_LARGE && !link.isClosing()) {
            link.ended();
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            link.ended();
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        link.ended();
        if (session != null) {
            session.onWebSocketClosed(link, failure != null ? failure : DisconnectReason.TRANSPORT_CLOSE);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        link.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }
}
