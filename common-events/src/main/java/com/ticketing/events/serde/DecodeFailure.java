package com.ticketing.events.serde;

/** Why a record could not be read as a known event; the reason code a dead-letter header carries. */
public enum DecodeFailure {
    /** The bytes are not JSON, or not a JSON object. */
    MALFORMED_JSON,
    /** JSON, but not a CloudEvents 1.0 structured event (missing or wrong attributes). */
    INVALID_ENVELOPE,
    /** A CloudEvent whose {@code type} the contract does not know. */
    UNKNOWN_TYPE,
    /** A known type whose {@code data} does not fit its payload (wrong types, bad values). */
    INVALID_DATA
}
