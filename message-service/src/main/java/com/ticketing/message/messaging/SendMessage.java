package com.ticketing.message.messaging;

/**
 * A send request that passed {@link MessageRules}: ids well-formed, content trimmed and within
 * bounds, receiver not the sender. Optional fields are null when absent.
 */
public record SendMessage(String senderId, String receiverId, String content, String transactionId, String listingId,
                          String clientMessageId) {
}
