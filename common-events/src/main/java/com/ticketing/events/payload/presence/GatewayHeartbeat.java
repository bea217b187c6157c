package com.ticketing.events.payload.presence;

import java.time.Instant;

/**
 * {@code presence.heartbeat}: a gateway instance is alive. Sockets of an instance whose heartbeats
 * stop leave presence.
 *
 * @param sentAt          when the instance sent it
 * @param intervalMillis  how often the instance sends one
 */
public record GatewayHeartbeat(String instanceId, Instant sentAt, long intervalMillis) {
}
