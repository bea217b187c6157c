package com.ticketing.gateway.message;

import com.ticketing.gateway.socket.Arguments;
import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.MessageContent;
import tools.jackson.databind.JsonNode;

/**
 * A {@code message:send} request after validation: the same rules as {@code POST /api/messages}.
 * Accepts the seed's {@code message} field and the REST {@code content} field.
 */
public record MessageDraft(String receiverId, String content, String transactionId, String listingId,
                           String clientMessageId) {

    /** A validation failure with the message the client gets. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Validates the client's object for sender {@code senderId}; throws {@link Invalid}. */
    public static MessageDraft parse(JsonNode body, String senderId, int maxContentLength) {
        if (body == null) {
            throw new Invalid("message:send needs an object { receiverId, content }");
        }
        String receiverId = Arguments.text(body, "receiverId");
        if (!Ids.isValid(receiverId)) {
            throw new Invalid(Ids.problem("receiverId"));
        }
        if (receiverId.equals(senderId)) {
            throw new Invalid("You cannot send a message to yourself");
        }
        String content = Arguments.text(body, "content") != null ? Arguments.text(body, "content")
                : Arguments.text(body, "message");
        String trimmed;
        try {
            trimmed = MessageContent.normalise(content, maxContentLength);
        } catch (IllegalArgumentException invalid) {
            throw new Invalid(invalid.getMessage());
        }
        return new MessageDraft(receiverId, trimmed, optionalId(body, "transactionId"), optionalId(body, "listingId"),
                optionalId(body, "clientMessageId"));
    }

    private static String optionalId(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || !Ids.isValid(value.asString())) {
            throw new Invalid(Ids.problem(field));
        }
        return value.asString();
    }
}
