package com.ticketing.events.payload.block;

import java.time.Instant;

/** {@code user.unblocked}: {@code blockerId} lifted his block of {@code blockedId}. */
public record UserUnblocked(String blockerId, String blockedId, Instant unblockedAt) {
}
