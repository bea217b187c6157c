package com.ticketing.events.payload.message;

import java.time.Instant;

/** {@code message.read}: the receiver read one message (the sender's read receipt). */
public record MessageRead(String messageId, String senderId, String receiverId, String readerId, Instant readAt) {
}
