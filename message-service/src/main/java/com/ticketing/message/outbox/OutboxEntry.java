package com.ticketing.message.outbox;

/** One event waiting in the outbox: where it goes, its record key and its CloudEvent JSON as stored. */
public record OutboxEntry(long id, String eventId, String topic, String recordKey, String eventType, String payload) {
}
