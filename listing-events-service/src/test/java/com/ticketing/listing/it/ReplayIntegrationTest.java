package com.ticketing.listing.it;

import static com.ticketing.listing.support.MarketplaceEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.stream.TopicNames;
import com.ticketing.listing.support.KafkaTestSupport;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.StreamsTestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Replays on the real (embedded) broker: rebuilding from the input topic from offset zero under a new
 * application id gives the same update stream, and a restart that must restore its state from the
 * changelog continues the versions without a gap or a duplicate.
 */
class ReplayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int LISTINGS = 12;
    /** created, price, quantity, suspended, active, quantity 0 (+ sold) = 7 updates per listing. */
    private static final int UPDATES_PER_LISTING = 6;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final MarketplaceEvents events = new MarketplaceEvents("replay-" + run);

    @Test
    void aNewApplicationIdReplayingFromZeroEmitsTheSameUpdates() {
        String prefix = "replay-" + run + ".";
        TopicNames first = TopicNames.prefixed(prefix, Topics.LISTING_EVENTS, Topics.LISTING_UPDATES);
        TopicNames second = new TopicNames(first.input(), prefix + "rebuilt.updates", prefix + "rebuilt.dlq");
        StreamsTestApp.createTopics(first, second);
        try (KafkaProducer<String, byte[]> producer = KafkaTestSupport.producer()) {
            story().forEach(record -> send(producer, first.input(), record));
        }

        Map<String, List<String>> original = runAndCollect(first, "replay-a-" + run);
        Map<String, List<String>> rebuilt = runAndCollect(second, "replay-b-" + run);

        assertThat(rebuilt).isEqualTo(original);
        assertThat(original.values().stream().mapToInt(List::size).sum()).isEqualTo(LISTINGS * UPDATES_PER_LISTING);
        assertThat(deadLetterReasons(second)).isEqualTo(deadLetterReasons(first)).containsValues(
                List.of("INVALID_PRICE")); // the story's repeated event is dropped, not dead-lettered
    }

    @Test
    void aRestartThatRestoresFromTheChangelogContinuesTheVersions() {
        TopicNames topics = TopicNames.prefixed("restart-" + run + ".", Topics.LISTING_EVENTS, Topics.LISTING_UPDATES);
        StreamsTestApp.createTopics(topics);
        String applicationId = "restart-" + run;
        List<Input> story = story();
        int half = story.size() / 2;
        try (KafkaProducer<String, byte[]> producer = KafkaTestSupport.producer();
             var updates = KafkaTestSupport.consumer(topics.updates())) {
            story.subList(0, half).forEach(record -> send(producer, topics.input(), record));
            try (StreamsTestApp app = StreamsTestApp.start(ListingTopology.build(topics), applicationId,
                    Path.of("target", "kafka-streams-restart", run, "first"))) {
                KafkaTestSupport.readUntil(updates, records -> records.size() >= story.subList(0, half).stream().mapToInt(Input::updates).sum(), WAIT);
            }
            // A new state directory: the second life has no local RocksDB and must restore it from the changelog.
            story.subList(half, story.size()).forEach(record -> send(producer, topics.input(), record));
            try (StreamsTestApp app = StreamsTestApp.start(ListingTopology.build(topics), applicationId,
                    Path.of("target", "kafka-streams-restart", run, "second"))) {
                List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
                try (var everything = KafkaTestSupport.consumer(topics.updates())) {
                    all.addAll(KafkaTestSupport.readUntil(everything,
                            records -> records.size() >= LISTINGS * UPDATES_PER_LISTING, WAIT));
                }
                Map<String, List<Long>> versions = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                        LinkedHashMap::new, Collectors.mapping(r -> ((ListingUpdated) EventCodec.decode(r.value()).data())
                                .version(), Collectors.toList())));
                assertThat(versions).hasSize(LISTINGS);
                assertThat(versions.values()).allSatisfy(list -> assertThat(list).containsExactly(1L, 2L, 3L, 4L, 5L, 6L));
            }
        }
    }

    /** Runs the listings topology over {@code topics} as {@code applicationId}; the updates per key, in order, as JSON text. */
    private Map<String, List<String>> runAndCollect(TopicNames topics, String applicationId) {
        try (StreamsTestApp app = StreamsTestApp.start(ListingTopology.build(topics), applicationId,
                Path.of("target", "kafka-streams-replay", applicationId));
             var updates = KafkaTestSupport.consumer(topics.updates())) {
            List<ConsumerRecord<String, byte[]>> records = KafkaTestSupport.readUntil(updates,
                    all -> all.size() >= LISTINGS * UPDATES_PER_LISTING, WAIT);
            return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                    Collectors.mapping(r -> new String(r.value(), StandardCharsets.UTF_8), Collectors.toList())))
                    .entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
    }

    /** Dead-letter reasons per key, in order. */
    private Map<String, List<String>> deadLetterReasons(TopicNames topics) {
        try (var letters = KafkaTestSupport.consumer(topics.deadLetter())) {
            return KafkaTestSupport.readUntil(letters, all -> all.size() >= LISTINGS + 1, WAIT).stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.key()), java.util.TreeMap::new,
                            Collectors.mapping(r -> DeadLetters.text(r.headers(), DeadLetterHeaders.REASON),
                                    Collectors.toList())));
        }
    }

    /** One input record and how many updates it makes the service emit. */
    private record Input(String key, byte[] value, int updates) {
        static Input of(CloudEvent<?> event, int updates) {
            return new Input(event.subject(), EventCodec.encode(event), updates);
        }
    }

    /**
     * Per listing: created, price change, a refused zero price, the price change again (duplicate),
     * quantity change, suspended, active, quantity 0 (two updates: quantity, then sold); plus one
     * poison record. Listings are interleaved so every partition sees a mix.
     */
    private List<Input> story() {
        List<List<Input>> perListing = new ArrayList<>();
        for (int i = 0; i < LISTINGS; i++) {
            String id = "lst-" + run + "-" + i;
            CloudEvent<?> price = events.priceChanged(id, usd("99.00"));
            perListing.add(List.of(Input.of(events.listingCreated(id, 3, usd("120.00")), 1), Input.of(price, 1),
                    Input.of(events.priceChanged(id, usd("0")), 0), Input.of(price, 0),
                    Input.of(events.quantityChanged(id, 2), 1),
                    Input.of(events.statusChanged(id, ListingStatus.SUSPENDED), 1),
                    Input.of(events.statusChanged(id, ListingStatus.ACTIVE), 1),
                    Input.of(events.quantityChanged(id, 0), 1)));
        }
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input("lst-poison-" + run, "not json at all".getBytes(StandardCharsets.UTF_8), 0));
        for (int step = 0; step < perListing.get(0).size(); step++) {
            for (List<Input> listing : perListing) {
                inputs.add(listing.get(step));
            }
        }
        return inputs;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, Input input) {
        KafkaTestSupport.send(producer, topic, input.key(), input.value());
    }
}
