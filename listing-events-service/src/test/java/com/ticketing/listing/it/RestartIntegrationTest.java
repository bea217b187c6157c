package com.ticketing.listing.it;

import static com.ticketing.listing.support.MarketplaceEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.stream.StreamsProperties;
import com.ticketing.listing.stream.StreamsRunner;
import com.ticketing.listing.stream.TopicNames;
import com.ticketing.listing.support.KafkaTestSupport;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.StreamsTestApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The restart stall: Kafka Streams members did not leave their group on close, so a restarted
 * service with its kept state directory sat in REBALANCING until the old members' sessions timed
 * out (23 to 32 s measured), and events published right after READY reached nobody meanwhile. The
 * service's own runner, with the service's settings (no shortened session, a named instance): the
 * second life must process an event published the moment it starts before the 45 s session timeout
 * could have expired an old member. The time it took is printed.
 */
class RestartIntegrationTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45); // Kafka's default, which the service keeps

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final MarketplaceEvents events = new MarketplaceEvents("restart-stall-" + run);

    @Test
    void aRestartWithItsKeptStateDirectoryProcessesTheNextEventWithoutWaitingOutTheOldMembers() {
        TopicNames topics = TopicNames.prefixed("restart-stall-" + run + ".", Topics.LISTING_EVENTS, Topics.LISTING_UPDATES);
        StreamsTestApp.createTopics(topics);
        StreamsProperties settings = new StreamsProperties(KafkaTestSupport.brokers(), "restart-stall-" + run,
                Path.of("target", "kafka-streams-restart-stall", run).toAbsolutePath().toString(), "localhost", 0, 2,
                Duration.ofMillis(100), (short) 1, Duration.ofSeconds(30), Duration.ofSeconds(30), "listing-1");
        try (KafkaProducer<String, byte[]> producer = KafkaTestSupport.producer();
             var updates = KafkaTestSupport.consumer(topics.updates())) {
            StreamsRunner first = runner(topics, settings);
            first.start();
            awaitRunning(first);
            KafkaTestSupport.send(producer, topics.input(), "lst-before",
                    EventCodec.encode(events.listingCreated("lst-before", 2, usd("40.00"))));
            KafkaTestSupport.readUntil(updates, records -> records.stream().anyMatch(r -> r.key().equals("lst-before")),
                    Duration.ofSeconds(60));
            first.stop();

            StreamsRunner second = runner(topics, settings);
            long restarted = System.nanoTime();
            second.start();
            try {
                KafkaTestSupport.send(producer, topics.input(), "lst-after",
                        EventCodec.encode(events.listingCreated("lst-after", 3, usd("50.00"))));
                // Waiting out an old member would take the whole session timeout; a third of it is to spare.
                KafkaTestSupport.readUntil(updates, records -> records.stream().anyMatch(r -> r.key().equals("lst-after")),
                        SESSION_TIMEOUT.dividedBy(3).multipliedBy(2));
                System.out.printf("restart: the event published at the restart was processed %d ms after it%n",
                        (System.nanoTime() - restarted) / 1_000_000);
            } finally {
                second.stop();
            }
        }
    }

    private static StreamsRunner runner(TopicNames topics, StreamsProperties settings) {
        return new StreamsRunner(ListingTopology.build(topics), List.of(), settings,
                new KafkaSecurity(null, null, null, null, null, null, null), () -> 0, new SimpleMeterRegistry());
    }

    private static void awaitRunning(StreamsRunner runner) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> runner.streams() != null && runner.streams().state() == KafkaStreams.State.RUNNING);
    }
}
