package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.server.WebSocketLink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A session's view of one WebSocket connection's Netty channel. Frames go straight to the channel
 * as the packet's shared, already encoded WebSocket frame (no per-recipient encoding, no copy, no
 * promise, no send queue); writability is reported so the session can hold back instead of
 * buffering without bound. Closing sends one close frame with status 1000 after the frames already
 * written, then hangs up.
 */
final class NettyWebSocketLink implements WebSocketLink {

    private static final AtomicIntegerFieldUpdater<NettyWebSocketLink> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(NettyWebSocketLink.class, "closing");
    /** A close frame the client does not take within this (it stopped reading) ends in a hang-up. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    private final Channel channel;
    private volatile int closing;
    private volatile Runnable writableListener;

    /** A link on a connection that {@link NettyWebSocketUpgrade} took. */
    NettyWebSocketLink(Channel channel) {
        this.channel = channel;
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
     * Sends the close frame after every frame already written, then hangs up; a client that does not
     * take it within a few seconds (it stopped reading) is hung up on anyway.
     */
    @Override
    public void close() {
        if (CLOSING.compareAndSet(this, 0, 1)) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
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

    /** Whether a close frame was sent or the connection ended. */
    boolean isClosing() {
        return closing != 0;
    }

    /** The channel became writable again (or not). */
    void writabilityChanged() {
        Runnable listener = writableListener;
        if (listener != null && channel.isWritable()) {
            listener.run();
        }
    }
}
