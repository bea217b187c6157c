package com.ticketing.events.payload.presence;

import java.time.Instant;

/** {@code presence.socket_disconnected}: a user's socket left; {@code reason} is the disconnect reason. */
public record SocketDisconnected(String userId, String socketId, String instanceId, Instant disconnectedAt,
                                 String reason) {
}
