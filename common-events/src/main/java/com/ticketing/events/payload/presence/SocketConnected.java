package com.ticketing.events.payload.presence;

import java.time.Instant;

/** {@code presence.socket_connected}: a user's socket completed its authenticated connect on an instance. */
public record SocketConnected(String userId, String socketId, String instanceId, Instant connectedAt,
                              String transport) {
}
