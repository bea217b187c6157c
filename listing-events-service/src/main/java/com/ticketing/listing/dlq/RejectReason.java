package com.ticketing.listing.dlq;

import com.ticketing.events.serde.DecodeFailure;

/** Why an input record was refused; written to the {@code dlq.reason} header. */
public enum RejectReason {
    /** The value is not JSON, or not a JSON object (also: an empty value or a tombstone). */
    MALFORMED_JSON,
    /** JSON, but not a CloudEvents 1.0 envelope (missing or wrong attributes). */
    INVALID_ENVELOPE,
    /** A type this topic does not carry. */
    UNKNOWN_TYPE,
    /** A required {@code data} field is absent. */
    MISSING_FIELD,
    /** A {@code data} field has the wrong shape (not a number, unknown enum value, ...). */
    INVALID_DATA,
    /** The record key is not the event's {@code subject}. */
    KEY_MISMATCH,
    /** A price of zero or less, an unknown currency, or a currency other than the listing's. */
    INVALID_PRICE,
    /** A quantity below zero (or not above zero on creation). */
    INVALID_QUANTITY,
    /** A change to the value the aggregate already has. */
    UNCHANGED_VALUE,
    /** A status move the life cycle does not allow, or any change to a final aggregate. */
    FORBIDDEN_TRANSITION,
    /** An event for an aggregate that was never created. */
    UNKNOWN_AGGREGATE,
    /** A second {@code created} event (with a new id) for an aggregate that exists. */
    DUPLICATE_AGGREGATE,
    /** The rules failed unexpectedly on this record; it is parked rather than stopping the stream. */
    PROCESSING_ERROR;

    /** The reason for a record that could not be decoded at all. */
    public static RejectReason of(DecodeFailure failure) {
        return switch (failure) {
            case MALFORMED_JSON -> MALFORMED_JSON;
            case INVALID_ENVELOPE -> INVALID_ENVELOPE;
            case UNKNOWN_TYPE -> UNKNOWN_TYPE;
            case INVALID_DATA -> INVALID_DATA;
        };
    }
}
