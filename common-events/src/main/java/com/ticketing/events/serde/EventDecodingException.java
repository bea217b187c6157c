package com.ticketing.events.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that is not a readable event of the contract. It is a Kafka {@link SerializationException},
 * so Kafka clients and Streams deserialization handlers see it as such, and it names a
 * {@link DecodeFailure} so the caller can route the record to a dead-letter topic with a reason.
 */
public class EventDecodingException extends SerializationException {

    private final DecodeFailure failure;

    public EventDecodingException(DecodeFailure failure, String message, Throwable cause) {
        super(failure + ": " + message, cause);
        this.failure = failure;
    }

    public EventDecodingException(DecodeFailure failure, String message) {
        this(failure, message, null);
    }

    /** The kind of failure. */
    public DecodeFailure failure() {
        return failure;
    }
}
