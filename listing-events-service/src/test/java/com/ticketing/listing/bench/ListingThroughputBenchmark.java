package com.ticketing.listing.bench;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.stream.StreamsProperties;
import com.ticketing.listing.stream.StreamsSettings;
import com.ticketing.listing.stream.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Pushes listing events through the service's listings topology (exactly-once v2, RocksDB) on an
 * embedded KRaft broker and prints the throughput and the end-to-end lag (update seen by a
 * read_committed consumer minus the input record's timestamp). Every event is valid, so each
 * gives exactly one update: per listing a {@code created} then price changes.
 *
 * <p>Unthrottled, the lag mostly measures the backlog; {@code -Dbench.rate=N} paces the producer at N
 * events/s to measure the lag below saturation.
 *
 * <pre>mvn -pl listing-events-service test-compile exec:java -Dbench.events=1000000 [-Dbench.threads=2] [-Dbench.rate=0]</pre>
 */
public final class ListingThroughputBenchmark {

    private static final int PARTITIONS = 6;
    private static final int EVENTS_PER_LISTING = 10;

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Exception | Error e) {
            // exec:java would otherwise wait forever for the embedded broker's non-daemon threads
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int events = Integer.getInteger("bench.events", 1_000_000);
        int rate = Integer.getInteger("bench.rate", 0);
        int threads = Integer.getInteger("bench.threads", 2);
        long commitMs = Long.getLong("bench.commit.ms", 100);
        int listings = Math.max(1, events / EVENTS_PER_LISTING);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        String brokers = broker.getBrokersAsString();
        TopicNames topics = new TopicNames("bench.listing-events", "bench.listing-updates", "bench.listing-events.dlq");
        broker.addTopics(new NewTopic(topics.input(), PARTITIONS, (short) 1), new NewTopic(topics.updates(), PARTITIONS,
                (short) 1), new NewTopic(topics.deadLetter(), PARTITIONS, (short) 1));

        Path stateDir = Files.createTempDirectory("listing-bench-state");
        StreamsProperties settings = new StreamsProperties(brokers, "bench-" + UUID.randomUUID(), stateDir.toString(),
                "localhost", 0, threads, Duration.ofMillis(commitMs), (short) 1, Duration.ofSeconds(30), Duration.ofSeconds(30), "");
        Properties props = StreamsSettings.of(settings, "localhost", 0);
        KafkaStreams streams = new KafkaStreams(ListingTopology.build(topics), props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the streams did not reach RUNNING within 60 s: " + streams.state());
        }

        System.out.printf("Benchmark: %,d listing events over %,d listings, %d partitions, %d stream threads, "
                + "exactly_once_v2, commit interval %d ms, producer %s%n", events, listings, PARTITIONS, threads, commitMs,
                rate > 0 ? "paced at " + rate + " events/s" : "unthrottled");
        long[] lags = new long[events];
        AtomicLong produced = new AtomicLong();
        long start = System.nanoTime();
        Thread producerThread = new Thread(() -> produce(brokers, topics.input(), events, listings, rate, produced), "bench-producer");
        producerThread.start();

        int received = 0;
        long firstUpdateNanos = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(brokers, topics.updates())) {
            long lastProgress = System.nanoTime();
            while (received < events) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (received == 0) {
                        firstUpdateNanos = System.nanoTime();
                    }
                    if (received < lags.length) {
                        lags[received] = System.currentTimeMillis() - record.timestamp();
                    }
                    received++;
                }
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    System.out.printf("  ... produced %,d, updates %,d%n", produced.get(), received);
                    lastProgress = System.nanoTime();
                }
            }
        }
        long end = System.nanoTime();
        producerThread.join();
        double seconds = (end - start) / 1e9;

        Arrays.sort(lags, 0, received);
        System.out.printf("Processed %,d events into %,d updates in %.1f s: %,.0f events/s end to end%n",
                events, received, seconds, events / seconds);
        System.out.printf("End-to-end lag (input timestamp -> committed update read) ms: p50 %d, p95 %d, p99 %d, max %d%n",
                lags[received / 2], lags[(int) (received * 0.95)], lags[(int) (received * 0.99)], lags[received - 1]);
        System.out.printf("(first update %.1f s after start)%n", (firstUpdateNanos - start) / 1e9);

        streams.close(Duration.ofSeconds(30));
        broker.destroy();
    }

    /** Round-robin over listings: step 0 creates each, later steps change its price (all valid). */
    private static void produce(String brokers, String topic, int events, int listings, int rate, AtomicLong produced) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Instant t0 = Instant.now();
        long startNanos = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                int step = i / listings;
                String listingId = "lst-bench-" + (i % listings);
                CloudEvent<?> event = step == 0
                        ? event(EventTypes.LISTING_CREATED.name(), listingId, t0, i,
                        new ListingCreated("seller-" + (i % 997), "Bench listing " + i, 4, Money.of("100.00", "USD")))
                        : event(EventTypes.LISTING_PRICE_CHANGED.name(), listingId, t0, i,
                        new ListingPriceChanged(Money.of(Integer.toString(100 + step), "USD")));
                if (rate > 0) {
                    long due = startNanos + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                producer.send(new ProducerRecord<>(topic, listingId, EventCodec.encode(event)));
                produced.incrementAndGet();
            }
        }
    }

    private static <T> CloudEvent<T> event(String type, String subject, Instant t0, int n, T data) {
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, "bench-" + n, "/bench", type, t0.plusMillis(n), subject,
                CloudEvent.JSON, data);
    }

    private static KafkaConsumer<String, byte[]> consumer(String brokers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private ListingThroughputBenchmark() {
    }
}
