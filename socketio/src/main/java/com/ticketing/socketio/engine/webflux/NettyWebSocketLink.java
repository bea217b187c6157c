package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.server.WebSocketLink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.NettyPipeline;

/**
 * A session's view of one Reactor Netty WebSocket. Frames go straight to the Netty channel as the
 * packet's shared, already encoded WebSocket frame (no per-recipient encoding, no copy, no promise,
 * no send queue of Reactor's); a handler in the pipeline reports writability so the session can
 * hold back instead of buffering without bound. Closing goes through Reactor Netty's own close
 * (one close frame with status 1000, after the frames already written, and none added when the
 * handler ends), then ends the connection's handler.
 */
final class NettyWebSocketLink implements WebSocketLink {

    private static final AtomicIntegerFieldUpdater<NettyWebSocketLink> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(NettyWebSocketLink.class, "closing");
    private static final String WRITABILITY_HANDLER = "engineio.writability";

    private final Channel channel;
    private final Supplier<Mono<Void>> normalClose;
    private final Sinks.Empty<Void> closeRequested = Sinks.empty();
    private volatile int closing;
    private volatile Runnable writableListener;

    /** @param normalClose sends the normal close frame through Reactor Netty, which then knows it was sent */
    NettyWebSocketLink(Channel channel, Supplier<Mono<Void>> normalClose) {
        this.channel = channel;
        this.normalClose = normalClose;
        channel.pipeline().addBefore(NettyPipeline.ReactiveBridge, WRITABILITY_HANDLER, new WritabilityHandler());
    }

    @Override
    public EventExecutor eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public void write(EngineMessage message) {
        // The encoder in the pipeline handles WebSocketFrame objects only; a ready frame passes it untouched.
        channel.write(Unpooled.wrappedBuffer(message.webSocketFrame().duplicate()), channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public long pendingWriteBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    @Override
    public void onWritable(Runnable listener) {
        writableListener = listener;
    }

    /**
     * Sends the close frame on the event loop, after every frame already written from there, then
     * completes the connection's handler.
     */
    @Override
    public void close() {
        if (CLOSING.compareAndSet(this, 0, 1)) {
            channel.eventLoop().execute(() -> normalClose.get()
                    .doFinally(signal -> closeRequested.tryEmitEmpty())
                    .subscribe(done -> { }, failure -> { })); // the connection is ending either way
        }
    }

    @Override
    public void abort() {
        CLOSING.set(this, 1);
        channel.close();
    }

    /** The connection ended on its own (client close, error, too-large frame): nothing more to write. */
    void ended() {
        CLOSING.set(this, 1);
    }

    /** Completes when {@link #close()} is called. */
    Mono<Void> closeRequested() {
        return closeRequested.asMono();
    }

    private final class WritabilityHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            Runnable listener = writableListener;
            if (listener != null && ctx.channel().isWritable()) {
                listener.run();
            }
            ctx.fireChannelWritabilityChanged();
        }
    }
}
