package com.ticketing.message.support;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.serde.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the shared embedded broker from the beginning and keeps every record, so tests
 * can wait for the events they expect (and check that nothing else of theirs arrived).
 */
public final class EventTopicReader implements AutoCloseable {

    /** One record as read: key, raw value, headers flattened to strings. */
    public record Received(String key, byte[] value, Map<String, String> headers) {
        public CloudEvent<?> event() {
            return EventCodec.decode(value);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    public EventTopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once and returns everything received so far that matches. */
    public synchronized List<Received> poll(Predicate<Received> filter) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new java.util.HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
            received.add(new Received(record.key(), record.value(), headers));
        }
        return received.stream().filter(filter).toList();
    }

    /** Polls once and returns the decodable events received so far that match. */
    public List<CloudEvent<?>> events(Predicate<CloudEvent<?>> filter) {
        List<CloudEvent<?>> events = new ArrayList<>();
        for (Received record : poll(r -> true)) {
            try {
                CloudEvent<?> event = record.event();
                if (filter.test(event)) {
                    events.add(event);
                }
            } catch (RuntimeException undecodable) {
                // other tests put garbage on shared topics on purpose
            }
        }
        return events;
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
