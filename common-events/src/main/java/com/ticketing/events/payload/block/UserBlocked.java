package com.ticketing.events.payload.block;

import java.time.Instant;

/** {@code user.blocked}: {@code blockerId} blocked {@code blockedId}; neither may message or type to the other. */
public record UserBlocked(String blockerId, String blockedId, Instant blockedAt) {
}
