package com.ticketing.gateway.recovery;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.gateway.kafka.ConsumerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a gap older than the in-memory window back from the topic, as the update feed read it (committed
 * records only, as the feed). One consumer, used by one thread at a time.
 */
final class KafkaOlderRecords implements KafkaRecoveryHook.OlderRecords, AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> config;
    private KafkaConsumer<String, byte[]> consumer;

    KafkaOlderRecords(String bootstrapServers, KafkaSecurity security, String instance) {
        config = ConsumerSettings.withoutGroup(bootstrapServers, security, "gateway-recovery-reader-" + instance);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    }

    @Override
    public synchronized List<FeedState.Kept> read(String topic, int partition, long from, long to, long budget) {
        if (to <= from) {
            return List.of();
        }
        if (to - from > budget) {
            return null;
        }
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        }
        TopicPartition target = new TopicPartition(topic, partition);
        consumer.assign(List.of(target));
        if (consumer.beginningOffsets(List.of(target), READ_TIMEOUT).get(target) > from) {
            return null; // retention deleted part of the gap
        }
        consumer.seek(target, from);
        List<FeedState.Kept> records = new ArrayList<>();
        Set<String> eventIds = new HashSet<>(); // a repeated id is marked, as the live path marks it
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(target) < to) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + target + " from " + from + " took too long");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to && record.value() != null) {
                    records.add(new FeedState.Kept(record.offset(), record.key(), record.value(), System.nanoTime(),
                            !eventIds.add(eventId(record.value()))));
                }
            }
        }
        return records;
    }

    /** The record's event id; an unreadable record gets a fresh one, so it is never taken for a repeat. */
    private static String eventId(byte[] value) {
        String id = EventCodec.idOf(value);
        return id != null ? id : java.util.UUID.randomUUID().toString();
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
