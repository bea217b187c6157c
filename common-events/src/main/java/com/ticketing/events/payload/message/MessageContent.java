package com.ticketing.events.payload.message;

/**
 * The one content rule of a direct message, applied by every edge that accepts one (REST, the socket
 * and the command consumer): trimmed, then 1 to {@code maxLength} characters (code points), and no NUL
 * character, which PostgreSQL cannot store in text.
 */
public final class MessageContent {

    private MessageContent() {
    }

    /** The content a client's message becomes, or an {@link IllegalArgumentException} saying why not. */
    public static String normalise(String content, int maxLength) {
        if (content == null) {
            throw new IllegalArgumentException("content is required");
        }
        String trimmed = content.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("content must not be empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new IllegalArgumentException("content must be at most " + maxLength + " characters");
        }
        if (trimmed.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("content must not contain the NUL character (U+0000)");
        }
        return trimmed;
    }
}
