package com.ticketing.events.payload.block;

/**
 * The record key of one user's block of another on {@code messaging.user-blocks}: the blocker and the
 * blocked user joined with {@code >}, a character no user id contains, so compaction keeps the latest
 * fact per direction (A blocking B and B blocking A are two keys).
 */
public final class BlockKey {

    private BlockKey() {
    }

    public static String of(String blockerId, String blockedId) {
        return blockerId + ">" + blockedId;
    }
}
