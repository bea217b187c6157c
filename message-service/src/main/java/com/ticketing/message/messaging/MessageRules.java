package com.ticketing.message.messaging;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.MessageContent;

/** The validation rules of ids and message content, shared by REST and the command consumer. */
public final class MessageRules {

    private final int maxContentLength;

    public MessageRules(int maxContentLength) {
        this.maxContentLength = maxContentLength;
    }

    /** Validates and normalises a send request, or throws {@link MessageRefusedException} (VALIDATION). */
    public SendMessage send(String senderId, String receiverId, String content, String transactionId,
                            String listingId, String clientMessageId) {
        String sender = requireId("senderId", senderId);
        String receiver = requireId("receiverId", receiverId);
        if (sender.equals(receiver)) {
            throw MessageRefusedException.invalid("receiverId must be another user than the sender");
        }
        return new SendMessage(sender, receiver, content(content), optionalId("transactionId", transactionId),
                optionalId("listingId", listingId), optionalId("clientMessageId", clientMessageId));
    }

    /** The content as {@link MessageContent#normalise stored}, or {@link MessageRefusedException} (VALIDATION). */
    public String content(String content) {
        try {
            return MessageContent.normalise(content, maxContentLength);
        } catch (IllegalArgumentException invalid) {
            throw MessageRefusedException.invalid(invalid.getMessage());
        }
    }

    /** The id if it is well-formed (1 to 64 of {@code [A-Za-z0-9_.:@-]}). */
    public static String requireId(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw MessageRefusedException.invalid(field + " is required");
        }
        if (!Ids.isValid(value)) {
            throw MessageRefusedException.invalid(Ids.problem(field));
        }
        return value;
    }

    /** Null when absent, else a well-formed id. */
    public static String optionalId(String field, String value) {
        return value == null ? null : requireId(field, value);
    }
}
