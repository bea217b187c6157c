package com.ticketing.socketio.engine;

import com.ticketing.socketio.DisconnectReason;

/**
 * One Engine.IO session as the layer above sees it: an id, the current transport, a way to send
 * message packets and a way to close. Thread-safe.
 */
public interface EngineSocket {

    /** The session id ({@code sid}). */
    String id();

    /** {@code "polling"} or {@code "websocket"}; changes once on upgrade. */
    String transportName();

    /** What the handshake request carried that upper layers may need (query, headers, remote address). */
    HandshakeData handshake();

    /**
     * Queues a message packet for delivery. The same {@link EngineMessage} instance may be sent to
     * many sessions: it is encoded once. Returns false if the session is closed; a full outbound
     * queue closes the session with {@link DisconnectReason#OUTBOUND_OVERFLOW}.
     */
    boolean send(EngineMessage message);

    /** Closes the session; the handler's {@code onClose} is called once with this reason. */
    void close(DisconnectReason reason);

    /** Whether the session is still open. */
    boolean isOpen();
}
