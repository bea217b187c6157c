package com.ticketing.gateway.presence;

import java.time.Instant;

/** One live socket of a user: where it is connected, since when, over which transport. */
public record PresentSocket(String socketId, String instanceId, Instant connectedAt, String transport) {
}
