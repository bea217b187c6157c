package com.ticketing.message.messaging;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.MessageContent;
import java.util.UUID;

/** The validation rules of ids and message content, shared by REST and the command consumer. */
public final class MessageRules {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 1000;

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

    /** The other user of a conversation: a well-formed id that is not the caller's own. */
    public static String otherParty(String userId, String otherUserId) {
        String other = requireId("userId", otherUserId);
        if (other.equals(userId)) {
            throw MessageRefusedException.invalid("userId must be another user");
        }
        return other;
    }

    /** A message id: a well-formed id, null when it is not a UUID (then it names no message). */
    public static UUID messageId(String field, String messageId) {
        requireId(field, messageId);
        try {
            return UUID.fromString(messageId);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** Search words: 1 to {@value #MAX_QUERY_LENGTH} characters holding at least one letter or digit. */
    public static String searchQuery(String query) {
        String words = query == null ? "" : query.strip();
        if (words.isEmpty() || words.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw MessageRefusedException.invalid("q must contain at least one word");
        }
        if (words.length() > MAX_QUERY_LENGTH) {
            throw MessageRefusedException.invalid("q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return words;
    }

    /** Why a message is reported: trimmed, 1 to {@value #MAX_REASON_LENGTH} characters. */
    public static String reportReason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw MessageRefusedException.invalid("reason is required");
        }
        if (text.length() > MAX_REASON_LENGTH || text.indexOf('\u0000') >= 0) {
            throw MessageRefusedException.invalid("reason must be at most " + MAX_REASON_LENGTH + " characters of text");
        }
        return text;
    }

    /** Null when absent, else a well-formed id. */
    public static String optionalId(String field, String value) {
        return value == null ? null : requireId(field, value);
    }
}
