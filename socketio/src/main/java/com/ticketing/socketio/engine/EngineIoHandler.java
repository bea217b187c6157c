package com.ticketing.socketio.engine;

import com.ticketing.socketio.DisconnectReason;

/**
 * The only seam between the Engine.IO server and whatever runs above it (the Socket.IO layer, or
 * the bare echo server of the conformance suite).
 *
 * <p>Calls for one session are never concurrent and arrive in wire order. Implementations must not
 * block: they run on transport threads.
 */
public interface EngineIoHandler {

    /** A session completed its Engine.IO handshake. */
    void onOpen(EngineSocket socket);

    /** A text message packet ({@code 4...}) arrived; {@code text} is the payload without the type. */
    void onText(EngineSocket socket, String text);

    /** A binary message arrived (a binary WebSocket frame, or a {@code b...} base64 polling packet). */
    void onBinary(EngineSocket socket, byte[] data);

    /** The session ended; called exactly once per opened session. */
    void onClose(EngineSocket socket, DisconnectReason reason);
}
