package com.ticketing.events.payload.message;

import java.time.Instant;

/** {@code message.deleted}: the sender deleted a message. */
public record MessageDeleted(String messageId, String senderId, String receiverId, Instant deletedAt) {
}
