package com.ticketing.events.payload.message;

import java.time.Instant;

/** A direct message as clients see it, over REST and in every message event. */
public record MessageView(String id, String senderId, String receiverId, String content, String transactionId,
                          String listingId, boolean isRead, Instant createdAt, Instant updatedAt) {
}
