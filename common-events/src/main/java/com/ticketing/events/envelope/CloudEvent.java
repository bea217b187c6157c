package com.ticketing.events.envelope;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the envelope of every record on every topic.
 *
 * @param specversion     always {@code "1.0"}
 * @param id              unique per event; consumers use it as their idempotency key
 * @param source          URI-reference of the producer, e.g. {@code /marketplace/listings}
 * @param type            {@code ticketing.<aggregate>.<fact>.v<N>}
 * @param time            when the fact happened (UTC)
 * @param subject         the aggregate id, also the record key
 * @param datacontenttype always {@code application/json}
 * @param data            the typed payload
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"})
public record CloudEvent<T>(String specversion, String id, String source, String type, Instant time,
                            String subject, String datacontenttype, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** A new event of {@code type} about {@code subject}, with a random id and the current time. */
    public static <T> CloudEvent<T> of(EventType<T> type, String source, String subject, T data) {
        return of(type, source, subject, Instant.now(), data);
    }

    /** A new event with a random id at the given time. */
    public static <T> CloudEvent<T> of(EventType<T> type, String source, String subject, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type.name(), time,
                subject, JSON, data);
    }

    /** The payload cast to the type the event's {@code type} names, or an exception if it is another type. */
    public <P> P dataAs(EventType<P> expected) {
        if (!expected.name().equals(type)) {
            throw new IllegalArgumentException("event " + id + " is " + type + ", not " + expected.name());
        }
        return expected.payloadClass().cast(data);
    }

    /** Whether this event is of the given type. */
    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }
}
