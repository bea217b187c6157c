package com.ticketing.socketio.engine;

import com.ticketing.socketio.DisconnectReason;
import java.util.List;

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
     * Queues message packets for delivery, together: nothing another thread sends comes between
     * them, and a waiting long-poll is answered with all of them (a Socket.IO packet and its binary
     * attachments go out in one response). The same {@link EngineMessage} instance may be sent to
     * many sessions: it is encoded once. Returns false if the session is closed; a full outbound
     * queue closes the session with {@link DisconnectReason#OUTBOUND_OVERFLOW}.
     */
    boolean send(List<EngineMessage> messages);

    /** Queues one message packet for delivery, as {@link #send(List)}. */
    default boolean send(EngineMessage message) {
        return send(List.of(message));
    }

    /** Closes the session; the handler's {@code onClose} is called once with this reason. */
    void close(DisconnectReason reason);

    /** Whether the session is still open. */
    boolean isOpen();
}
