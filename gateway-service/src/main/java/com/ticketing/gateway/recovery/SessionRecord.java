package com.ticketing.gateway.recovery;

import java.time.Instant;
import java.util.Map;

/**
 * A socket's connection state as {@code gateway.socket-sessions} keeps it (key: its pid), written
 * while it lives so that any gateway can resume it after its own gateway crashed.
 *
 * @param sid            the socket id, kept on recovery
 * @param userId         whose socket it is; only the same user may resume it
 * @param instance       the gateway instance that holds (or held) it
 * @param epoch          one more at each recovery: a record of an earlier holder never replaces a later one
 * @param rooms          the rooms it follows (its personal room included), each with the next offset of
 *                       each of the room's slots when it joined (in {@link FeedLayout#slotsOf} order)
 * @param sentThrough    the feed's next offsets when this record was written
 * @param lastSent       {@code slot/room} to the offset of the last record the room was sent from, by then
 * @param refreshedAt    when the holder last wrote it
 * @param disconnectedAt when the holder saw the connection drop (null while connected, or after a crash)
 */
public record SessionRecord(String sid, String userId, String instance, long epoch, Map<String, long[]> rooms,
                            long[] sentThrough, Map<String, Long> lastSent, Instant refreshedAt,
                            Instant disconnectedAt) {

    public SessionRecord {
        rooms = Map.copyOf(rooms);
        lastSent = lastSent == null ? Map.of() : Map.copyOf(lastSent);
    }

    /** When the session was last known alive. */
    public Instant lastSeen() {
        return disconnectedAt != null ? disconnectedAt : refreshedAt;
    }
}
