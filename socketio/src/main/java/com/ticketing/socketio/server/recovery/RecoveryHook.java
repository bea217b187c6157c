package com.ticketing.socketio.server.recovery;

import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Storage behind connection state recovery: it gives each recoverable event its offset and keeps
 * it, keeps the state of sockets that dropped, and gives both back to a client that reconnects
 * with {@code {pid, offset}}. The in-memory implementation serves one process; a log-backed one
 * (Kafka offsets) can replace it without touching the layer.
 */
public interface RecoveryHook {

    /**
     * Assigns an offset to an event about to be emitted to {@code target} and keeps it for replay.
     * Returns the event as it must be sent: the offset appended as last argument
     * (see {@link #withOffset}).
     */
    Packet.Event record(Packet.Event event, BroadcastTarget target);

    /** Keeps the state of a socket that dropped for a recoverable reason. */
    void persist(SessionSnapshot session);

    /**
     * The session of {@code pid} and the events it missed after {@code offset}, or empty if it
     * cannot be recovered (unknown, expired, or events since then are no longer kept). A session is
     * given back at most once.
     */
    CompletionStage<Optional<RecoveredSession>> restore(String namespace, String pid, String offset);

    /** The wire rule of recovery: the offset travels as the event's last argument. */
    static Packet.Event withOffset(Packet.Event event, String offset) {
        List<JsonNode> args = new ArrayList<>(event.args().size() + 1);
        args.addAll(event.args());
        args.add(JsonNodeFactory.instance.stringNode(offset));
        return new Packet.Event(event.namespace(), event.name(), args, event.ackId());
    }
}
