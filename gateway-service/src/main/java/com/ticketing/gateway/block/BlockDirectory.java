package com.ticketing.gateway.block;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.kafka.ConsumerSettings;
import com.ticketing.gateway.kafka.ConsumerThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This instance's copy of who blocked whom: reads the whole of {@code messaging.user-blocks} from the
 * beginning (every partition assigned, no consumer group: each instance needs every record) on a thread
 * of its own, into a {@link BlockSet}. It is caught up once it has read as far as the topic reached when
 * it started, so a block made before then is known; the gateway is not ready until it is.
 */
public final class BlockDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BlockDirectory.class);
    private static final String TOPIC = Topics.USER_BLOCKS.name();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Map<String, Object> config;
    private final BlockSet blocks = new BlockSet();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean failing;
    private volatile boolean caughtUp;
    private Thread thread;

    public BlockDirectory(String bootstrapServers, KafkaSecurity security, String instanceId) {
        this.config = ConsumerSettings.withoutGroup(bootstrapServers, security, "gateway-blocks-" + instanceId);
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::readLoop, "block-directory");
        thread.setDaemon(true);
        thread.start();
    }

    private void readLoop() {
        Map<TopicPartition, Long> endsAtStart = null;
        try {
            while (running) {
                try {
                    if (endsAtStart == null) {
                        endsAtStart = assignFromTheBeginning();
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        blocks.take(record);
                    }
                    if (!caughtUp && reached(endsAtStart)) {
                        caughtUp = true;
                        log.info("Block directory caught up: {} blocks in force", blocks.size());
                    }
                    failing = false;
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    // Kafka unreachable or the topic not there yet: keep the thread, report it, try again shortly.
                    failing = true;
                    log.warn("Block directory poll failed, retrying: {}", e.toString());
                    sleepQuietly(RETRY);
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked us to leave the loop
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition, from its first record; returns where each ends now. */
    private Map<TopicPartition, Long> assignFromTheBeginning() {
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(TOPIC + " has no partitions (yet)");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer.endOffsets(partitions, METADATA_TIMEOUT);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code blockerId} blocked {@code blockedId}, as far as this instance has read. */
    public boolean blocks(String blockerId, String blockedId) {
        return blocks.blocks(blockerId, blockedId);
    }

    /** Whether either user blocked the other, as far as this instance has read. */
    public boolean isBlockedEitherWay(String a, String b) {
        return blocks.isBlockedEitherWay(a, b);
    }

    /** The block, if any, between a sender and the user he addresses. */
    public Blocking between(String senderId, String receiverId) {
        return blocks.between(senderId, receiverId);
    }

    /** How many blocks are in force. */
    public int size() {
        return blocks.size();
    }

    /** Whether every block made before this instance started is known. */
    public boolean isCaughtUp() {
        return running && caughtUp;
    }

    /** Whether the directory is reading: running, and its last poll did not fail. */
    public boolean isHealthy() {
        return running && !failing;
    }

    @Override
    public void stop() {
        running = false;
        ConsumerThreads.stop(consumer, thread);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
