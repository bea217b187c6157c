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
        if (!topic.carries(event)) {
            return Mono.error(new IllegalArgumentException(topic.name() + " does not carry " + event.type()));
        }
        return db.sql("""
                        INSERT INTO message_outbox (event_id, topic, record_key, event_type, payload)
                        VALUES (:eventId, :topic, :key, :type, :payload)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .bind("eventId", event.id())
                .bind("topic", topic.name())
                .bind("key", key)
                .bind("type", event.type())
                .bind("payload", new String(EventCodec.encode(event), StandardCharsets.UTF_8))
                .fetch().rowsUpdated()
                .then();
    }
}
