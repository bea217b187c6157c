package com.ticketing.events.payload.message;

import java.time.Instant;

/** {@code conversation.read}: a user marked every message from {@code otherUserId} as read. */
public record ConversationRead(String readerId, String otherUserId, Instant readAt, int count) {
}
