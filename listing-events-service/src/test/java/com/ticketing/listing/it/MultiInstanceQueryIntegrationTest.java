package com.ticketing.listing.it;


import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.listing.ListingEventsApplication;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.stream.StreamsRunner;
import com.ticketing.listing.support.KafkaTestSupport;
import com.ticketing.listing.support.MarketplaceEvents;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of the service share one application id and split the partitions between them;
 * each answers for every listing, fetching keys it does not own from the instance that does.
 */
class MultiInstanceQueryIntegrationTest {

    private static final String SECRET = "multi-instance-test-secret-at-least-32-bytes";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start("a");
        second = start("b");
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(ListingEventsApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + KafkaTestSupport.brokers(),
                "--ticketing.streams.application-id=multi-" + RUN,
                "--ticketing.streams.state-dir=target/kafka-streams-multi/" + RUN + "/" + name,
                "--ticketing.streams.threads=1",
                "--ticketing.jwt.secret=" + SECRET);
    }

    @Test
    void everyInstanceAnswersForEveryListing() {
        MarketplaceEvents events = new MarketplaceEvents("multi-" + RUN);
        List<String> listings = IntStream.range(0, 12).mapToObj(i -> "lst-multi-" + RUN + "-" + i).toList();
        try (KafkaProducer<String, byte[]> producer = KafkaTestSupport.producer()) {
            listings.forEach(id -> KafkaTestSupport.send(producer, Topics.LISTING_EVENTS.name(), id,
                    EventCodec.encode(events.listingCreated(id))));
        }

        Awaitility.await().atMost(WAIT).until(() -> partitionOwners().size() == 2);
        assertThat(listings.stream().map(MultiInstanceQueryIntegrationTest::ownerOf).collect(Collectors.toSet()))
                .as("the listings are spread over both instances, so each must fetch some from the other")
                .hasSize(2);
        String token = "Bearer " + new JwtIssuer(JwtSettings.hs256(SECRET)).issue("carol", false, Duration.ofMinutes(5));
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port(instance))
                    .responseTimeout(Duration.ofSeconds(10)).build();
            for (String id : listings) {
                Awaitility.await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/listings/{id}", id)
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.listingId").isEqualTo(id));
            }
        }
    }

    /** The instances (host:port) that own at least one listing-store partition. */
    private static Set<String> partitionOwners() {
        return first.getBean(StreamsRunner.class).streams().streamsMetadataForStore(ListingTopology.STORE).stream()
                .filter(metadata -> !metadata.topicPartitions().isEmpty())
                .map(StreamsMetadata::hostInfo)
                .map(host -> host.host() + ":" + host.port())
                .collect(Collectors.toSet());
    }

    private static String ownerOf(String listingId) {
        var host = first.getBean(StreamsRunner.class).streams()
                .queryMetadataForKey(ListingTopology.STORE, listingId, Serdes.String().serializer()).activeHost();
        return host.host() + ":" + host.port();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
