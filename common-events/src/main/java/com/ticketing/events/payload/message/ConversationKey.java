package com.ticketing.events.payload.message;

/** The record key of a conversation's messages: the two user ids sorted and joined with {@code :}. */
public final class ConversationKey {

    private ConversationKey() {
    }

    /** The key for the conversation between {@code a} and {@code b}, whatever their order. */
    public static String of(String a, String b) {
        return a.compareTo(b) <= 0 ? a + ":" + b : b + ":" + a;
    }
}
