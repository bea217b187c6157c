package com.ticketing.events.payload.message;

/** {@code message.sent}: a message was stored; carries it exactly as stored. */
public record MessageSent(MessageView message, String clientMessageId) {
}
