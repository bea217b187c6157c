package com.ticketing.events.payload.message;

/**
 * {@code message.rejected}: message-service refused a send command; goes to the sender's sockets.
 *
 * @param commandId the CloudEvent id of the refused command
 * @param code      one of the contract's error codes, e.g. {@code VALIDATION}
 */
public record MessageRejected(String commandId, String senderId, String receiverId, String clientMessageId,
                              String code, String message) {
}
