package com.ticketing.socketio.engine.server;

/**
 * What a session needs from one live WebSocket connection; implemented by the transport adapter.
 * Methods are non-blocking and may be called from any thread.
 */
public interface WebSocketLink {

    /** Writes a text frame holding these UTF-8 bytes; the array is shared, never copied or changed. */
    void sendText(byte[] utf8);

    /** Writes a binary frame holding these bytes; the array is shared, never copied or changed. */
    void sendBinary(byte[] data);

    /** Frames accepted by {@link #sendText}/{@link #sendBinary} but not yet written to the socket. */
    int pendingFrames();

    /** Bytes of those frames. */
    long pendingBytes();

    /** Closes the connection normally after the frames already sent; idempotent. */
    void close();
}
