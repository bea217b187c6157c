package com.ticketing.listing.it;

import static com.ticketing.listing.support.MarketplaceEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.listing.ListingChanges;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.listing.ListingEventsApplication;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.support.KafkaTestSupport;
import com.ticketing.listing.support.MarketplaceEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The thin thread on the real (embedded) broker: a {@code listing.created} CloudEvent on
 * {@code marketplace.listing-events} reaches {@code realtime.listing-updates} as {@code listing.updated},
 * a poison record before it lands in the dead-letter topic without stopping the stream, and the
 * state answers over REST.
 */
@SpringBootTest(classes = ListingEventsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "ticketing.streams.application-id=listing-it-${random.uuid}",
                "ticketing.streams.state-dir=target/kafka-streams-it/${random.uuid}",
                "ticketing.streams.threads=1",
                "ticketing.jwt.secret=" + ListingEventsIntegrationTest.SECRET})
class ListingEventsIntegrationTest {

    static final String SECRET = "integration-test-secret-of-at-least-32-bytes";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaProducer<String, byte[]> producer;

    private final MarketplaceEvents events = new MarketplaceEvents("it-" + UUID.randomUUID());
    private final JwtIssuer tokens = new JwtIssuer(JwtSettings.hs256(SECRET));

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Value("${local.management.port}")
    int managementPort;

    WebTestClient web;

    @BeforeAll
    static void startProducer() {
        producer = KafkaTestSupport.producer();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @BeforeEach
    void connect() {
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void listingCreatedReachesListingUpdatesAndAPoisonRecordDoesNotStopIt() {
        String listingId = "lst-" + UUID.randomUUID();
        byte[] poison = "{\"specversion\": oops".getBytes(StandardCharsets.UTF_8);
        KafkaTestSupport.send(producer, Topics.LISTING_EVENTS.name(), listingId, poison);
        CloudEvent<?> created = events.listingCreated(listingId, 2, usd("120.00"));
        KafkaTestSupport.send(producer, Topics.LISTING_EVENTS.name(), listingId, EventCodec.encode(created));

        try (var updates = KafkaTestSupport.consumer(Topics.LISTING_UPDATES.name());
             var deadLetters = KafkaTestSupport.consumer(Topics.LISTING_EVENTS.deadLetter().name())) {
            ConsumerRecord<String, byte[]> record = KafkaTestSupport.readMatching(updates,
                    r -> listingId.equals(r.key()), 1, WAIT).get(0);
            CloudEvent<?> update = EventCodec.decode(record.value());
            assertThat(update.type()).isEqualTo(EventTypes.LISTING_UPDATED.name());
            assertThat(update.subject()).isEqualTo(listingId);
            assertThat(update.data()).isEqualTo(new ListingUpdated(listingId, 1, ListingStatus.ACTIVE, 2,
                    usd("120.00"), ListingChanges.NONE, created.time()));

            ConsumerRecord<String, byte[]> letter = KafkaTestSupport.readMatching(deadLetters,
                    r -> listingId.equals(r.key()), 1, WAIT).get(0);
            assertThat(letter.value()).isEqualTo(poison);
            assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("MALFORMED_JSON");
            assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                    .isEqualTo(Topics.LISTING_EVENTS.name());
        }

        Awaitility.await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/listings/{id}", listingId)
                .header(HttpHeaders.AUTHORIZATION, bearer("carol", false))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.listingId").isEqualTo(listingId)
                .jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.quantity").isEqualTo(2)
                .jsonPath("$.price.amount").isEqualTo("120.00")
                .jsonPath("$.price.currency").isEqualTo("USD")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.createdAt").isEqualTo(created.time().toString()));
    }

    @Test
    void transactionStateIsForItsBuyerSellerOrAnAdminOnly() {
        String transactionId = "txn-" + UUID.randomUUID();
        KafkaTestSupport.send(producer, Topics.TRANSACTION_EVENTS.name(), transactionId,
                EventCodec.encode(events.transactionCreated(transactionId)));
        KafkaTestSupport.send(producer, Topics.TRANSACTION_EVENTS.name(), transactionId,
                EventCodec.encode(events.step(EventTypes.TRANSACTION_PAYMENT_RECEIVED, transactionId)));

        try (var updates = KafkaTestSupport.consumer(Topics.TRANSACTION_UPDATES.name())) {
            var records = KafkaTestSupport.readMatching(updates, r -> transactionId.equals(r.key()), 2, WAIT);
            TransactionUpdated last = (TransactionUpdated) EventCodec.decode(records.get(1).value()).data();
            assertThat(last.event()).isEqualTo("payment_received");
            assertThat(last.version()).isEqualTo(2);
        }

        Awaitility.await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/transactions/{id}", transactionId)
                .header(HttpHeaders.AUTHORIZATION, bearer("bob", false))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("payment_received")
                .jsonPath("$.buyerId").isEqualTo("bob")
                .jsonPath("$.sellerId").isEqualTo("alice")
                .jsonPath("$.amount.amount").isEqualTo("240.00"));
        web.get().uri("/api/transactions/{id}", transactionId)
                .header(HttpHeaders.AUTHORIZATION, bearer("alice", false))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/transactions/{id}", transactionId)
                .header(HttpHeaders.AUTHORIZATION, bearer("root", true))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/transactions/{id}", transactionId)
                .header(HttpHeaders.AUTHORIZATION, bearer("mallory", false))
                .exchange()
                .expectStatus().isNotFound() // what an unknown transaction gets: no existence oracle
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.error.message").isEqualTo("No transaction " + transactionId);
    }

    @Test
    void unknownIdsAreNotFoundAndTokensAreRequired() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/listings/lst-never")
                .header(HttpHeaders.AUTHORIZATION, bearer("carol", false))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND"));
        web.get().uri("/api/transactions/txn-never")
                .header(HttpHeaders.AUTHORIZATION, bearer("carol", false))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/listings/lst-never")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void healthShowsOnlyTheStatusPubliclyAndPrometheusIsOnTheManagementPort() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> web.get().uri("/actuator/health")
                .exchange().expectStatus().isOk()
                .expectBody().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.kafkaStreams.details.state").exists();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("kafka_stream"));
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("/api/listings/{listingId}", "/api/transactions/{transactionId}")
                        .doesNotContain("\"caller\""));
    }

    private String bearer(String user, boolean admin) {
        return "Bearer " + tokens.issue(user, admin, Duration.ofMinutes(5));
    }
}
