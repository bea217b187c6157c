package com.ticketing.gateway.fanout;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.gateway.config.GatewayProperties;
import com.ticketing.gateway.kafka.ConsumerSettings;
import com.ticketing.gateway.kafka.ConsumerThreads;
import com.ticketing.gateway.recovery.FeedLayout;
import com.ticketing.gateway.recovery.FeedState;
import com.ticketing.socketio.engine.server.EngineIoServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Reads every record of the update topics on every gateway instance (all partitions assigned, no
 * consumer group: a record must reach every instance) from the moment the instance starts, and hands
 * each event to the {@link UpdateRouter}. One thread, so one aggregate's events keep their order.
 * Unreadable records are logged, counted and skipped.
 */
@Component
@DependsOn("topicsAtStartup") // the topics exist before the feed looks for their partitions
public class UpdateFeed implements SmartLifecycle {

    static final List<Topic> TOPICS = List.of(Topics.LISTING_UPDATES, Topics.TRANSACTION_UPDATES,
            Topics.MESSAGE_EVENTS, Topics.TYPING_SIGNALS);
    private static final Logger log = LoggerFactory.getLogger(UpdateFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REFRESH_PARTITIONS = Duration.ofSeconds(30);
    private static final int RECENT_IDS = 100_000;

    private final GatewayProperties properties;
    private final KafkaSecurity security;
    /** Where the feed stands and what it read lately, for connection state recovery. */
    private final FeedState feedState;
    private final UpdateRouter router;
    private final EngineIoServer engine;
    private final MeterRegistry meters;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private volatile boolean healthy;
    private Thread thread;
    private final Counter skipped;
    /** Meters per event type, built once; only the feed thread touches these maps. */
    private final Map<String, Timer> deliveryLatency = new HashMap<>();
    private final Map<String, Counter> deliveries = new HashMap<>();
    /** Ids of the latest events read (feed thread only). */
    private final RecentIds recentIds = new RecentIds(RECENT_IDS);

    /** @param engine holds the writes of one poll back, so its events share each connection's flush */
    public UpdateFeed(GatewayProperties properties, KafkaSecurity security, UpdateRouter router, EngineIoServer engine,
                      FeedState feedState, MeterRegistry meters) {
        this.properties = properties;
        this.security = security;
        this.feedState = feedState;
        this.router = router;
        this.engine = engine;
        this.meters = meters;
        this.skipped = Counter.builder("gateway.updates.skipped")
                .description("Records skipped undecoded: no socket of this instance is in their room").register(meters);
    }

    @Override
    public void start() {
        Map<String, Object> config = ConsumerSettings.withoutGroup(properties.bootstrapServers(), security,
                "gateway-feed-" + properties.instanceId());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        new KafkaClientMetrics(consumer).bindTo(meters);
        assignAll(true);
        running = true;
        thread = new Thread(this::pollLoop, "update-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        feedState.ownedByCurrentThread();
        Instant nextRefresh = Instant.now().plus(REFRESH_PARTITIONS);
        try {
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    try (EngineIoServer.DrainScope oneFlushPerConnection = engine.holdDrains()) {
                        for (ConsumerRecord<String, byte[]> record : records) {
                            int slot = feedState.begin(record.topic(), record.partition(), record.offset(),
                                    record.key(), record.value());
                            try {
                                deliver(record);
                            } finally {
                                feedState.end(slot, record.offset());
                            }
                        }
                        feedState.runTasks(); // recoveries, between two polls: one consistent position
                    }
                    if (Instant.now().isAfter(nextRefresh)) {
                        assignAll(false);
                        nextRefresh = Instant.now().plus(REFRESH_PARTITIONS);
                    }
                    healthy = true;
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    // Kafka unreachable or slow: keep the thread, report unhealthy, try again shortly.
                    healthy = false;
                    meters.counter("gateway.updates.poll.failures").increment();
                    log.warn("Update feed poll failed, retrying: {}", e.toString());
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked us to leave the loop
        } finally {
            healthy = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        // Producers publish at least once (the outbox relay, a replayed send): a repeated id reaches no socket
        // twice, live or replayed. Every record's id is remembered, also those no local socket wants now: a
        // socket that resumes here may be owed the first copy of an event, and must not get the second.
        String id = EventCodec.idOf(record.value());
        boolean repeated = id != null && recentIds.seenBefore(id);
        if (repeated) {
            feedState.repeat();
        }
        if (!router.mayReachLocalSockets(record.topic(), record.key())) {
            skipped.increment();
            return;
        }
        CloudEvent<?> event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventDecodingException e) {
            meters.counter("gateway.updates.undecodable", "topic", record.topic(), "reason", e.failure().name()).increment();
            log.warn("Skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        try {
            router.settle(event); // a repeat still answers the retried send that is waiting for it
            if (repeated) {
                meters.counter("gateway.updates.duplicates", "topic", record.topic()).increment();
            } else if (router.route(event)) {
                deliveryLatency.computeIfAbsent(event.type(), type -> Timer.builder("gateway.delivery.latency")
                        .tag("type", type).publishPercentileHistogram().register(meters))
                        .record(Duration.between(event.time(), Instant.now()));
                deliveries.computeIfAbsent(event.type(), type -> meters.counter("gateway.deliveries", "type", type))
                        .increment();
            }
        } catch (RuntimeException e) {
            meters.counter("gateway.updates.failed", "topic", record.topic()).increment();
            log.error("Could not deliver {} {} to sockets", event.type(), event.id(), e);
        }
    }

    /** Assigns every partition of the update topics; new assignments start at the end (live updates only). */
    private void assignAll(boolean initial) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        if (!initial && consumer.assignment().containsAll(partitions)) {
            return;
        }
        List<TopicPartition> added = partitions.stream().filter(p -> !consumer.assignment().contains(p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(added);
        added.forEach(consumer::position); // resolve "end" now, so records produced after start are never skipped
        if (initial) {
            startRecovery(partitions);
        }
        log.info("Update feed reads {} partitions", partitions.size());
    }

    /**
     * Tells recovery where the feed starts in every replayed partition. Only when the topics have the
     * partition counts recovery offsets are cut for; otherwise every resume gets a fresh session.
     */
    private void startRecovery(List<TopicPartition> partitions) {
        FeedLayout layout = feedState.layout();
        int replayed = 0;
        for (TopicPartition partition : partitions) {
            int slot = layout.slot(partition.topic(), partition.partition());
            if (slot >= 0) {
                feedState.startsAt(slot, consumer.position(partition));
                replayed++;
            }
        }
        if (replayed == layout.slots() && partitions.stream().noneMatch(p -> layout.slot(p.topic(), p.partition()) < 0
                && !p.topic().equals(Topics.TYPING_SIGNALS.name()))) {
            feedState.ready();
        } else {
            log.error("The update topics do not have the partitions recovery expects ({}): connection state recovery"
                    + " is off until they do", layout.fingerprint());
        }
    }

    /** Whether the feed is polling successfully. */
    public boolean isHealthy() {
        return running && healthy;
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
