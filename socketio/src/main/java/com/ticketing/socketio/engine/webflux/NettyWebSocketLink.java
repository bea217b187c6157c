package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.server.WebSocketLink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A session's view of one Reactor Netty WebSocket: frames go straight to the Netty channel around
 * the shared encoded bytes (no copy, no per-connection send queue), with the backlog counted so the
 * session can enforce its outbound limits; closing ends the connection's handler, which makes
 * Reactor Netty send a normal close frame after the frames already written.
 */
final class NettyWebSocketLink implements WebSocketLink {

    private static final AtomicIntegerFieldUpdater<NettyWebSocketLink> FRAMES =
            AtomicIntegerFieldUpdater.newUpdater(NettyWebSocketLink.class, "pendingFrames");
    private static final AtomicLongFieldUpdater<NettyWebSocketLink> BYTES =
            AtomicLongFieldUpdater.newUpdater(NettyWebSocketLink.class, "pendingBytes");

    private static final AtomicIntegerFieldUpdater<NettyWebSocketLink> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(NettyWebSocketLink.class, "closing");

    private final Channel channel;
    private volatile int closing;
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private volatile int pendingFrames;
    private volatile long pendingBytes;

    NettyWebSocketLink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void sendText(byte[] utf8) {
        write(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)), utf8.length);
    }

    @Override
    public void sendBinary(byte[] data) {
        write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)), data.length);
    }

    private void write(WebSocketFrame frame, int size) {
        FRAMES.incrementAndGet(this);
        BYTES.addAndGet(this, size);
        channel.writeAndFlush(frame).addListener(done -> {
            FRAMES.decrementAndGet(this);
            BYTES.addAndGet(this, -size);
        });
    }

    @Override
    public int pendingFrames() {
        return pendingFrames;
    }

    @Override
    public long pendingBytes() {
        return pendingBytes;
    }

    /**
     * Writes the normal close frame on the same channel as the data frames, so it goes out after
     * every frame already written whatever thread closes, then ends the connection's handler.
     */
    @Override
    public void close() {
        if (CLOSING.compareAndSet(this, 0, 1)) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(written -> closed.tryEmitEmpty());
        }
    }

    /** The connection ended on its own (client close, error, too-large frame): nothing more to write. */
    void ended() {
        CLOSING.set(this, 1);
    }

    /** Completes when {@link #close()} is called. */
    Mono<Void> closeRequested() {
        return closed.asMono();
    }
}
