package com.ticketing.events.payload.message;

import java.time.Instant;

/**
 * {@code message.send_requested} on {@code messaging.message-commands}: a socket asked to send a
 * direct message. The CloudEvent id is the command id; {@code clientMessageId} makes retries
 * idempotent per sender.
 */
public record SendMessageCommand(String senderId, String receiverId, String content, String transactionId,
                                 String listingId, String clientMessageId, Instant requestedAt) {
}
