package com.ticketing.socketio.server.recovery;

import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Storage behind connection state recovery: it gives each recoverable event its offset and keeps
 * it, keeps the state of sockets that dropped, and gives both back to a client that reconnects
 * with {@code {pid, offset}}. The in-memory implementation serves one process; a log-backed one
 * (Kafka offsets) replaces it without touching the layer.
 *
 * <p>A recovery runs in two steps so that nothing falls between the replay and the live stream:
 * {@link #find} looks the session up (without using it up); the layer then puts the socket back in
 * its rooms while holding its live packets, and asks {@link #replay} for what it missed up to that
 * moment. It sends the CONNECT reply, the replay, then the held packets the replay does not
 * {@linkplain Replay#covers cover}, and only then runs the connection listeners.
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
     * The session of {@code pid} in {@code namespace} if it may be resumed from {@code offset} by a
     * client the middlewares admitted with {@code attributes} (empty when they are skipped): known,
     * within its window, an offset this store can read, the same user. Does not use the session up.
     */
    CompletionStage<Optional<SessionSnapshot>> find(String namespace, String pid, String offset,
                                                   Map<String, Object> attributes);

    /**
     * Called once the recovered socket is back in the rooms of {@code session} and holds its live
     * packets: every event for those rooms after {@code offset} up to now, in order, or empty when
     * that can no longer be given completely (then the client gets a fresh session). Uses the session up.
     */
    CompletionStage<Optional<Replay>> replay(SessionSnapshot session, String offset);

    /**
     * What a recovered socket missed, each event carrying its offset, and which offsets that covers:
     * a live packet held during the recovery whose offset the replay covers is not sent again.
     */
    interface Replay {

        List<Packet.Event> missed();

        /** Whether the event with this offset is in {@link #missed} or came before it. */
        boolean covers(String offset);
    }

    /** The wire rule of recovery: the offset travels as the event's last argument. */
    static Packet.Event withOffset(Packet.Event event, String offset) {
        List<JsonNode> args = new ArrayList<>(event.args().size() + 1);
        args.addAll(event.args());
        args.add(JsonNodeFactory.instance.stringNode(offset));
        return new Packet.Event(event.namespace(), event.name(), args, event.ackId());
    }

    /** The offset an event carries (its last argument), or null if it carries none. */
    static String offsetOf(Packet packet) {
        if (packet instanceof Packet.Event event && !event.args().isEmpty()) {
            JsonNode last = event.args().get(event.args().size() - 1);
            return last.isString() ? last.stringValue() : null;
        }
        return null;
    }
}
