package com.ticketing.events.topic;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.serde.CloudEventSerde;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One Kafka topic of the contract: its name, serdes, partition count, topic configs (retention,
 * cleanup) and the event types it carries. Immutable; one constant per topic in {@link Topics}.
 *
 * @param eventTypes the event types a producer may write to it (empty for a dead-letter topic,
 *                   which carries refused records unchanged)
 */
public record Topic(String name, int partitions, Map<String, String> configs, Set<EventType<?>> eventTypes) {

    /** Suffix of the dead-letter topic of an input topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    private static final Serde<String> KEY_SERDE = Serdes.String();
    private static final Serde<CloudEvent<?>> VALUE_SERDE = new CloudEventSerde();

    public Topic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        configs = Map.copyOf(configs);
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Keys are aggregate ids (or conversation keys): plain UTF-8 strings. */
    public Serde<String> keySerde() {
        return KEY_SERDE;
    }

    /** Values are CloudEvents in structured JSON mode. */
    public Serde<CloudEvent<?>> valueSerde() {
        return VALUE_SERDE;
    }

    /** Whether producers may write events of this type here. */
    public boolean carries(EventType<?> type) {
        return eventTypes.contains(type);
    }

    /** Whether a producer may write this event here (its type is one of the topic's). */
    public boolean carries(CloudEvent<?> event) {
        return eventTypes.stream().anyMatch(event::is);
    }

    /** The dead-letter topic of this topic: same partitions, long retention, no event types of its own. */
    public Topic deadLetter() {
        return new Topic(name + DLQ_SUFFIX, partitions, Topics.KEEP_30_DAYS, Set.of());
    }
}
