package com.ticketing.events.payload.moderation;

/**
 * {@code message.reported}: the receiver of a message reported it for moderation.
 *
 * @param content the message's content as it was when reported (the sender may delete it later)
 */
public record MessageReported(String messageId, String reporterId, String senderId, String reason, String content) {
}
