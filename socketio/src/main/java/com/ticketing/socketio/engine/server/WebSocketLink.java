package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import io.netty.util.concurrent.EventExecutor;

/**
 * What a session needs from one live WebSocket connection; implemented by the transport adapter.
 * The session writes from one thread at a time, which keeps the frames in that order; it writes on
 * the connection's own event loop once the link carries the session.
 */
public interface WebSocketLink {

    /** The event loop of the connection, which owns the session once the link carries it. */
    EventExecutor eventLoop();

    /** Writes the packet's shared frame, without flushing. */
    void write(EngineMessage message);

    /** Sends what {@link #write} wrote. */
    void flush();

    /** Whether the connection takes more before its buffer reaches the high-water mark. */
    boolean isWritable();

    /** Bytes written to the connection but not yet taken by the network. */
    long pendingWriteBytes();

    /** Runs {@code listener} on the event loop each time the connection becomes writable again. */
    void onWritable(Runnable listener);

    /** Ends the connection normally: one close frame after the frames already written. Idempotent. */
    void close();

    /** Drops the connection at once, without writing anything more (a client that stopped reading). */
    void abort();
}
