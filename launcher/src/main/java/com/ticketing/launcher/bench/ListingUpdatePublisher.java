package com.ticketing.launcher.bench;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingChanges;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes {@code listing.updated} CloudEvents straight to {@code realtime.listing-updates}, keyed by
 * listing id, at a steady rate, as listing-events-service would. Listings are updated round-robin, so
 * after each round every listing has the same version: one range of versions describes a whole load
 * point. {@code occurredAt} (and the event time) is the moment of publishing, so the receiver's clock
 * minus it is the publish-to-receipt latency.
 */
final class ListingUpdatePublisher implements AutoCloseable {

    private static final String SOURCE = "/bench/publisher";
    private static final Money PRICE = Money.of("100.00", "USD");
    private static final int START_QUANTITY = 10_000_000;

    /** Versions {@code from..to} of every listing. */
    record VersionRange(long from, long to) {

        long rounds() {
            return to - from + 1;
        }
    }

    private final KafkaProducer<String, byte[]> producer;
    private final List<String> listingIds;
    private final AtomicLong failedSends = new AtomicLong();
    private long nextVersion = 1;

    ListingUpdatePublisher(String bootstrapServers, List<String> listingIds) {
        this.listingIds = List.copyOf(listingIds);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-publisher",
                // Kafka's default batching delay: up to 5 ms of the latency, but a tenth of the broker's
                // requests at 1,000 updates/s (the broker shares the two cores with the servers measured)
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The versions that the next {@code rounds} rounds over all listings will carry. */
    VersionRange next(long rounds) {
        return new VersionRange(nextVersion, nextVersion + rounds - 1);
    }

    /**
     * Publishes every listing's versions in {@code range}, {@code rate} updates per second, and waits
     * until the broker has them all; answers how long publishing took.
     */
    Duration publish(VersionRange range, int rate) {
        if (range.from() != nextVersion) {
            throw new IllegalArgumentException("versions " + range + " do not follow " + (nextVersion - 1));
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long began = System.nanoTime();
        long sent = 0;
        for (long version = range.from(); version <= range.to(); version++) {
            for (String listingId : listingIds) {
                LockSupport.parkNanos(began + sent++ * interval - System.nanoTime()); // returns at once when late
                send(listingId, version);
            }
        }
        producer.flush();
        nextVersion = range.to() + 1;
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Sends that the broker refused (none expected on a healthy local broker). */
    long failedSends() {
        return failedSends.get();
    }

    private void send(String listingId, long version) {
        Instant now = Instant.now();
        int quantity = START_QUANTITY - (int) version;
        ListingUpdated update = new ListingUpdated(listingId, version, ListingStatus.ACTIVE, quantity, PRICE,
                ListingChanges.NONE.withQuantity(quantity + 1, quantity), now);
        byte[] value = EventCodec.encode(CloudEvent.of(EventTypes.LISTING_UPDATED, SOURCE, listingId, now, update));
        producer.send(new ProducerRecord<>(Topics.LISTING_UPDATES.name(), listingId, value), (metadata, error) -> {
            if (error != null) {
                failedSends.incrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
