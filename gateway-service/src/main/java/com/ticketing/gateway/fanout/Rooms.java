package com.ticketing.gateway.fanout;

/** The room naming scheme: one personal room per user, one room per listing and per transaction. */
public final class Rooms {

    private Rooms() {
    }

    public static String user(String userId) {
        return "user:" + userId;
    }

    public static String listing(String listingId) {
        return "listing:" + listingId;
    }

    public static String transaction(String transactionId) {
        return "transaction:" + transactionId;
    }

    /** Whether the room is a subscription (a listing's or a transaction's), not a socket's own or personal room. */
    public static boolean isSubscription(String room) {
        return room.startsWith("listing:") || room.startsWith("transaction:");
    }
}
