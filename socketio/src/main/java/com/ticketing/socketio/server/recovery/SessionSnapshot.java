package com.ticketing.socketio.server.recovery;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a socket leaves behind on a recoverable disconnect, so a reconnecting client can resume it.
 *
 * @param namespace      the namespace of the socket
 * @param sid            the socket id, kept on recovery
 * @param pid            the private id the client presents to recover
 * @param rooms          the rooms it was in (its own id included)
 * @param attributes     its attributes
 * @param disconnectedAt when it left
 */
public record SessionSnapshot(String namespace, String sid, String pid, Set<String> rooms,
                              Map<String, Object> attributes, Instant disconnectedAt) {

    public SessionSnapshot {
        rooms = Set.copyOf(rooms);
        attributes = Map.copyOf(attributes);
    }
}
