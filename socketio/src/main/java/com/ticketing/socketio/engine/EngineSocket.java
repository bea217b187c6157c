package com.ticketing.socketio.engine;

import com.ticketing.socketio.DisconnectReason;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One Engine.IO session as the layer above sees it: an id, the current transport, a way to send
 * message packets and a way to close. {@link #send} and {@link #close} may be called from any
 * thread; everything else the session does runs on its {@link #executor()}.
 */
public interface EngineSocket {

    /** The session id ({@code sid}). */
    String id();

    /** {@code "polling"} or {@code "websocket"}; changes once on upgrade. */
    String transportName();

    /** What the handshake request carried that upper layers may need (query, headers, remote address). */
    HandshakeData handshake();

    /**
     * The session's own serial executor: tasks run one at a time, in order, on the thread that owns
     * the connection, and the handler's calls for this session run there too. The layer above runs
     * its per-connection work here, so a session's state has one owner and needs no lock.
     */
    Executor executor();

    /**
     * Appends message packets for delivery, together and in order: nothing another thread sends
     * comes between them, and a waiting long-poll is answered with all of them (a Socket.IO packet
     * and its binary attachments go out in one response). The same {@link EngineMessage} instance
     * may be sent to many sessions: it is encoded once. Returns false if the session is closed. A
     * client that stops reading, so that more than the outbound limit waits for it, is dropped at
     * once with {@link DisconnectReason#TRANSPORT_ERROR}.
     */
    boolean send(List<EngineMessage> messages);

    /** Appends one message packet for delivery, as {@link #send(List)}. */
    default boolean send(EngineMessage message) {
        return send(List.of(message));
    }

    /**
     * Runs {@code task} on the {@link #executor()} once everything sent so far has left the session:
     * written to a connection that can take more, or handed to a poll. A sender with much to send at
     * once (a recovery's replay) sends it in parts, each when the one before has drained, so that the
     * outbound limit still measures only a client that stopped reading. The task does not run if the
     * session closes first.
     */
    void whenDrained(Runnable task);

    /** Closes the session; the handler's {@code onClose} is called once with this reason. */
    void close(DisconnectReason reason);

    /** Whether the session is still open. */
    boolean isOpen();
}
