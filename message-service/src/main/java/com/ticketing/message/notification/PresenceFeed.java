package com.ticketing.message.notification;

import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code gateway.presence-events} whole (every partition, from the start, without a consumer
 * group: each message-service instance keeps its own complete view) into a {@link PresenceView}, on one
 * thread of its own. Not ready until it has read up to the end offsets it found at start: before that
 * it would take every user for offline.
 */
public final class PresenceFeed implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PresenceFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;
    private final PresenceView view;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    public PresenceFeed(Map<String, Object> consumerProperties, PresenceView view) {
        this.consumerProperties = consumerProperties;
        this.view = view;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "message-service-presence");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "presence-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> reader = consumer) {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.PRESENCE_EVENTS.name(), Duration.ofMinutes(5))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    fold(record);
                }
                if (!caughtUp.get() && ends.entrySet().stream().allMatch(end -> reader.position(end.getKey()) >= end.getValue())) {
                    caughtUp.set(true);
                    log.info("Presence read up to the end offsets found at start: {}", ends);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer
        } catch (RuntimeException failure) {
            log.error("Presence feed stopped; offline receivers get no push requests until a restart", failure);
        }
    }

    private void fold(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            view.apply(EventCodec.decode(record.value()), Instant.ofEpochMilli(record.timestamp()));
        } catch (RuntimeException undecodable) {
            log.warn("Skipped presence record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    undecodable.getMessage());
        }
    }

    @Override
    public void stop() {
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        Thread running = thread;
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public Health health() {
        return caughtUp.get() ? Health.up().build()
                : Health.outOfService().withDetail("presence", "reading gateway.presence-events").build();
    }
}
