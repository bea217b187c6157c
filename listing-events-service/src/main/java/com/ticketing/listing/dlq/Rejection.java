package com.ticketing.listing.dlq;

/** A refusal of one input record: its reason code and a message for people. */
public record Rejection(RejectReason reason, String message) {

    /** Shorthand for a new rejection. */
    public static Rejection of(RejectReason reason, String message) {
        return new Rejection(reason, message);
    }
}
