package com.ticketing.message.outbox;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topic;
import java.nio.charset.StandardCharsets;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes events into the {@code message_outbox} table. Call it inside the transaction of the change
 * the event describes: the event then exists if and only if the change was committed.
 */
@Component
public class Outbox {

    private final DatabaseClient db;

    public Outbox(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Queues an event for {@code topic} under {@code key}. An event whose id is already queued is not
     * queued twice (re-emitted events carry deterministic ids).
     */
    public Mono<Void> append(Topic topic, String key, CloudEvent<?> event) {
        Row row;
        try {
            row = row(topic, key, event);
        } catch (IllegalArgumentException notCarried) {
            return Mono.error(notCarried);
        }
        return row.bind(db.sql("""
                        INSERT INTO message_outbox (event_id, topic, record_key, event_type, payload)
                        VALUES (:eventId, :topic, :key, :type, :payload)
                        ON CONFLICT (event_id) DO NOTHING
                        """))
                .fetch().rowsUpdated()
                .then();
    }

    /**
     * The outbox row of an event, encoded but not written: for a statement that writes it together with
     * its change (its parameters are {@code :eventId, :topic, :key, :type, :payload}).
     *
     * @throws IllegalArgumentException when {@code topic} does not carry the event's type
     */
    public static Row row(Topic topic, String key, CloudEvent<?> event) {
        if (!topic.carries(event)) {
            throw new IllegalArgumentException(topic.name() + " does not carry " + event.type());
        }
        return new Row(event.id(), topic.name(), key, event.type(),
                new String(EventCodec.encode(event), StandardCharsets.UTF_8));
    }

    /** An outbox row about to be written. */
    public record Row(String eventId, String topic, String key, String type, String payload) {

        /** Binds the row to a statement's {@code :eventId, :topic, :key, :type, :payload}. */
        public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement) {
            return statement.bind("eventId", eventId).bind("topic", topic).bind("key", key).bind("type", type)
                    .bind("payload", payload);
        }
    }
}
