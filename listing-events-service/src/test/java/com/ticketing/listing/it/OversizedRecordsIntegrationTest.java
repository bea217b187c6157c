package com.ticketing.listing.it;

import static com.ticketing.listing.support.MarketplaceEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.stream.TopicNames;
import com.ticketing.listing.support.KafkaTestSupport;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.StreamsTestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * An event whose state or update would not fit in a record must not stop its partition. Under
 * exactly-once, a record the producer refuses leaves the transaction in an error state whatever the
 * production exception handler answers (tried on Kafka 4.1.2, client-side and broker-side): the
 * stream thread dies, its replacement meets the same record, and nothing behind it is processed
 * again. So the processor checks the size and parks the event first.
 */
class OversizedRecordsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final MarketplaceEvents events = new MarketplaceEvents("oversized-" + run);

    @Test
    void anEventWhoseStateWouldNotFitInARecordIsParkedAndTheEventsBehindItGoOn() {
        TopicNames topics = TopicNames.prefixed("oversized-" + run + ".", Topics.LISTING_EVENTS, Topics.LISTING_UPDATES);
        // One partition, so each event is behind the one before.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.brokers()))) {
            new TopicProvisioner(admin, (short) 1).provision(List.of(new Topic(topics.input(), 1, Map.of(), Set.of()),
                    new Topic(topics.updates(), 1, Map.of(), Set.of()), new Topic(topics.deadLetter(), 1, Map.of(), Set.of())));
        }
        List<byte[]> story = List.of(
                EventCodec.encode(events.event(EventTypes.LISTING_CREATED, "lst-huge",
                        new ListingCreated("seller-1", "\u20ac".repeat(500), 2, usd("80.00")))),
                EventCodec.encode(events.listingCreated("lst-after", 3, usd("50.00"))));
        try (KafkaProducer<String, byte[]> producer = KafkaTestSupport.producer();
             var updates = KafkaTestSupport.consumer(topics.updates());
             var letters = KafkaTestSupport.consumer(topics.deadLetter());
             StreamsTestApp app = StreamsTestApp.start(ListingTopology.build(topics, 1_400), "oversized-" + run,
                     Path.of("target", "kafka-streams-oversized", run))) {
            List<String> keys = List.of("lst-huge", "lst-after");
            for (int i = 0; i < story.size(); i++) {
                KafkaTestSupport.send(producer, topics.input(), keys.get(i), story.get(i));
            }

            List<ConsumerRecord<String, byte[]>> delivered = KafkaTestSupport.readUntil(updates,
                    records -> records.stream().anyMatch(r -> r.key().equals("lst-after")), WAIT);
            assertThat(delivered).extracting(ConsumerRecord::key).contains("lst-after");
            ConsumerRecord<String, byte[]> letter = KafkaTestSupport.readUntil(letters, records -> !records.isEmpty(), WAIT)
                    .get(0);
            assertThat(letter.key()).isEqualTo("lst-huge");
            assertThat(letter.value()).isEqualTo(story.get(0));
            assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("PROCESSING_ERROR");
            assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.MESSAGE))
                    .contains("the state of lst-huge would be", "over the 1400 a record may carry");
            assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }
}
