package com.ticketing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.events.SampleEvents;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.CloudEventSerde;
import com.ticketing.events.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway on the real (embedded, shared) broker: it starts, reads the update topics, and answers presence. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.gateway.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ticketing.jwt.secret=" + GatewayIntegrationTest.SECRET,
        "ticketing.gateway.state-dir=target/gateway-it-state",
        "ticketing.routes.listing-service=http://localhost:1", // nothing listens there: the service is down
        "ticketing.routes.message-service=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "PT30S") // a loaded 2-core CI machine can be slower than the 5 s default
class GatewayIntegrationTest {

    static final String SECRET = "gateway-integration-test-secret-long-enough";
    private final JwtIssuer issuer = new JwtIssuer(JwtSettings.hs256(SECRET));

    @Autowired
    WebTestClient client;
    @org.springframework.beans.factory.annotation.Value("${local.management.port}")
    int managementPort;
    @Autowired
    MeterRegistry meters;
    @Autowired
    com.ticketing.gateway.streams.GatewayStreams streams;

    /** Runs before the gateway starts: this update is only read while the global store is restored. */
    @org.junit.jupiter.api.BeforeAll
    static void aTransactionExistsBeforeTheGatewayStarts() throws Exception {
        var update = new com.ticketing.events.payload.transaction.TransactionUpdated("txn-before-start", "lst-1",
                com.ticketing.events.payload.transaction.TransactionStatus.PENDING, null, "created",
                java.time.Instant.now(), 1, "bruce", "selma");
        CloudEvent<?> event = CloudEvent.of(EventTypes.TRANSACTION_UPDATED, "/listing-events-service", "txn-before-start",
                update);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                System.getProperty("spring.embedded.kafka.brokers")))) {
            new com.ticketing.events.topic.TopicProvisioner(admin, (short) 1).provision(Topics.ALL);
        }
        publish(Topics.TRANSACTION_UPDATES.name(), "txn-before-start",
                new CloudEventSerde.EventSerializer().serialize("t", event));
    }

    @Test
    void participantsOfTransactionsFromBeforeTheStartAreKnown() {
        // Until the streams are RUNNING the store says so with InvalidStateStoreException: wait through it.
        await().atMost(Duration.ofSeconds(30)).ignoreException(InvalidStateStoreException.class).untilAsserted(() -> {
            assertThat(streams.participants().isParticipant("txn-before-start", "bruce")).contains(true);
            assertThat(streams.participants().isParticipant("txn-before-start", "sneaky")).contains(false);
        });
    }

    @Test
    void everyTopicOfTheListsExistsWithItsPartitionsOnceTheGatewayStarted() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                System.getProperty("spring.embedded.kafka.brokers")))) {
            var described = admin.describeTopics(Topics.ALL.stream().map(com.ticketing.events.topic.Topic::name)
                    .toList()).allTopicNames().get(30, java.util.concurrent.TimeUnit.SECONDS);
            Topics.ALL.forEach(topic -> assertThat(described.get(topic.name()).partitions()).as(topic.name())
                    .hasSize(topic.partitions()));
        }
    }

    @Test
    void thePublicPortAnswersHealthWithTheStatusOnlyAndTheManagementPortHasTheRest() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT);
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();

        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.realtime").exists();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("gateway_"));
    }

    @Test
    void aListingUpdateNoSocketHereFollowsReachesTheFeedAndIsSkippedUndecoded() throws Exception {
        CloudEvent<?> update = SampleEvents.listingUpdatedAfterPriceChange();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            publish(Topics.LISTING_UPDATES.name(), update.subject(), new CloudEventSerde.EventSerializer()
                    .serialize("t", update));
            assertThat(meters.find("gateway.updates.skipped").counter()).isNotNull();
            assertThat(meters.find("gateway.updates.skipped").counter().count()).isPositive();
        });
        assertThat(meters.find("gateway.deliveries").tag("type", EventTypes.LISTING_UPDATED.name()).counter())
                .as("nobody here follows the listing").isNull();
    }

    @Test
    void anUnreadableRecordIsCountedAndSkipped() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // no key: the feed cannot tell whom it is for, so it decodes it
            publish(Topics.LISTING_UPDATES.name(), null, "{not json".getBytes());
            assertThat(meters.find("gateway.updates.undecodable").tag("reason", "MALFORMED_JSON").counter()).isNotNull();
        });
    }

    @Test
    void presenceOfAnOfflineUserIsFalseAndItsSocketsAreHiddenFromOthers() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/presence/users/carol")
                .headers(h -> h.setBearerAuth(issuer.issue("dave", false, Duration.ofMinutes(5))))
                .exchange().expectStatus().isOk()
                .expectBody().json("{\"userId\":\"carol\",\"online\":false}")
                .jsonPath("$.sockets").doesNotExist());
    }

    @Test
    void onlineCountIsForAdminsOnly() {
        client.get().uri("/api/presence/online-count")
                .headers(h -> h.setBearerAuth(issuer.issue("dave", false, Duration.ofMinutes(5))))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/presence/online-count")
                .headers(h -> h.setBearerAuth(issuer.issue("root", true, Duration.ofMinutes(5))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.count").isNumber());
    }

    @Test
    void restWithoutTokenIsRefusedAtTheGateway() {
        client.get().uri("/api/messages/conversations").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").isEqualTo("Authentication required");
    }

    @Test
    void restAnswersCorsPreflightFromABrowserApp() {
        client.options().uri("/api/messages/conversations")
                .header("Origin", "http://app.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://app.example");
    }

    @Test
    void aServiceThatIsDownIsAnswered503() {
        client.get().uri("/api/listings/lst-1")
                .headers(h -> h.setBearerAuth(issuer.issue("dave", false, Duration.ofMinutes(5))))
                .exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAVAILABLE");
    }

    @Test
    void blockPathsAreForwardedToMessageService() {
        // message-service is down here: a forwarded path is answered 503, an unknown one would be 404
        client.put().uri("/api/users/bob/block")
                .headers(h -> h.setBearerAuth(issuer.issue("dave", false, Duration.ofMinutes(5))))
                .exchange().expectStatus().isEqualTo(503);
        client.get().uri("/api/users/blocked")
                .headers(h -> h.setBearerAuth(issuer.issue("dave", false, Duration.ofMinutes(5))))
                .exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void aRestSendThatFailedUpstreamIsNotCountedSoItsRetriesAreNeverRateLimited() {
        // message-service is down here: every send is answered 503, and a client retrying with the same
        // clientMessageId must keep getting 503 (not 429) once the service is back
        String token = issuer.issue("retrier", false, Duration.ofMinutes(5));
        for (int attempt = 0; attempt < 25; attempt++) {
            client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("receiverId", "bob", "content", "hello", "clientMessageId", "retry-1"))
                    .exchange().expectStatus().isEqualTo(503);
        }
    }

    @Test
    void aListingUpdateInATransactionThatWasAbortedNeverReachesTheFeed() throws Exception {
        byte[] update = new CloudEventSerde.EventSerializer().serialize("t", SampleEvents.listingUpdatedAfterPriceChange());
        // Other tests' records may still be on their way to the feed (one publishes until the feed has one):
        // count from a moment the counter has stood still for a second.
        double[] last = {skipped()};
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1)).until(() -> {
            double now = skipped();
            boolean still = now == last[0];
            last[0] = now;
            return still;
        });
        double before = last[0];
        try (KafkaProducer<String, byte[]> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "gateway-it-aborted-" + System.nanoTime()),
                new StringSerializer(), new ByteArraySerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(Topics.LISTING_UPDATES.name(), 0, "lst-aborted", update)).get();
            transactional.abortTransaction();
            // The next record of the same partition, committed: once the feed has it, it is past the aborted one.
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(Topics.LISTING_UPDATES.name(), 0, "lst-committed", update)).get();
            transactional.commitTransaction();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() >= before + 1);
        assertThat(skipped()).as("only the committed record was read").isEqualTo(before + 1);
    }

    private double skipped() {
        var counter = meters.find("gateway.updates.skipped").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void publish(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers")),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
