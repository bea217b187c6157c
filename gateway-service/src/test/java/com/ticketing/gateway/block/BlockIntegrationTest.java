package com.ticketing.gateway.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.payload.block.BlockKey;
import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.payload.block.UserUnblocked;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.support.TestSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Blocks on the real (embedded, shared) broker: a {@code user.blocked} on {@code messaging.user-blocks}
 * refuses typing and sends between the two users on real sockets, an unblock lets them through again, and a
 * directory started after the events knows them once it has caught up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.gateway.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ticketing.jwt.secret=" + BlockIntegrationTest.SECRET,
        "ticketing.gateway.state-dir=target/gateway-blocks-it-state",
        "ticketing.routes.listing-service=http://localhost:1",
        "ticketing.routes.message-service=http://localhost:1"})
class BlockIntegrationTest {

    static final String SECRET = "gateway-blocks-test-secret-long-enough-for-hs256";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Users of this run: the broker is shared with the other test classes and keeps their blocks. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final AtomicInteger USERS = new AtomicInteger();
    private static KafkaProducer<String, byte[]> producer;

    private final JwtIssuer issuer = new JwtIssuer(JwtSettings.hs256(SECRET));

    @LocalServerPort
    int port;
    @Value("${local.management.port}")
    int managementPort;
    @Autowired
    BlockDirectory directory;

    @BeforeAll
    static void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void typingToTheUserWhoBlockedYouIsRefusedForbiddenUntilTheBlockIsLifted() throws Exception {
        String bob = user("bob");
        String mallory = user("mallory");
        try (TestSocket bobSocket = connect(bob); TestSocket mallorySocket = connect(mallory)) {
            block(bob, mallory);

            assertRefused(mallorySocket.emitWithAck("typing:start", bob), "You cannot message this user");
            assertRefused(bobSocket.emitWithAck("typing:start", mallory), "You blocked this user");

            unblock(bob, mallory);

            JsonNode ack = mallorySocket.emitWithAck("typing:start", bob);
            assertThat(ack.get("ok").asBoolean()).as("%s", ack).isTrue();
            bobSocket.awaitEvent("typing:start", typing -> typing.get("userId").asString().equals(mallory));
        }
    }

    @Test
    void aMessageToTheUserWhoBlockedYouIsRefusedBeforeAnyCommandIsSent() throws Exception {
        String bob = user("bob");
        String mallory = user("mallory");
        try (TestSocket bobSocket = connect(bob); TestSocket mallorySocket = connect(mallory)) {
            block(bob, mallory);

            // message-service is not running here: a published command would be answered "queued" after 5 s
            assertRefused(mallorySocket.emitWithAck("message:send", Map.of("receiverId", bob, "content", "hi")),
                    "You cannot message this user");
            assertRefused(bobSocket.emitWithAck("message:send", Map.of("receiverId", mallory, "content", "hi")),
                    "You blocked this user; unblock them to send messages");
        }
    }

    @Test
    void aTypingSignalInFlightWhenTheBlockArrivedReachesNeitherUser() throws Exception {
        String bob = user("bob");
        String mallory = user("mallory");
        String carol = user("carol");
        try (TestSocket bobSocket = connect(bob); TestSocket mallorySocket = connect(mallory)) {
            block(bob, mallory);

            // Each blocked signal is followed by one from carol on the same partition: once carol's arrived, the
            // blocked one had its turn.
            typingSignal(mallory, bob);
            typingSignal(carol, bob);
            typingSignal(bob, mallory);
            typingSignal(carol, mallory);
            bobSocket.awaitEvent("typing:start", typing -> typing.get("userId").asString().equals(carol));
            mallorySocket.awaitEvent("typing:start", typing -> typing.get("userId").asString().equals(carol));

            assertThat(bobSocket.received("typing:start")).extracting(typing -> typing.arg().get("userId").asString())
                    .containsExactly(carol);
            assertThat(mallorySocket.received("typing:start")).extracting(typing -> typing.arg().get("userId").asString())
                    .containsExactly(carol);
        }
    }

    @Test
    void aDirectoryStartedAfterTheBlocksKnowsThemOnceCaughtUp() throws Exception {
        String bob = user("bob");
        String mallory = user("mallory");
        String carol = user("carol");
        publish(BlockKey.of(bob, mallory), CloudEvent.of(EventTypes.USER_BLOCKED, "/message-service",
                BlockKey.of(bob, mallory), new UserBlocked(bob, mallory, Instant.now())));
        publish(BlockKey.of(carol, mallory), CloudEvent.of(EventTypes.USER_BLOCKED, "/message-service",
                BlockKey.of(carol, mallory), new UserBlocked(carol, mallory, Instant.now())));
        publish(BlockKey.of(carol, mallory), CloudEvent.of(EventTypes.USER_UNBLOCKED, "/message-service",
                BlockKey.of(carol, mallory), new UserUnblocked(carol, mallory, Instant.now())));

        BlockDirectory restarted = new BlockDirectory(brokers(), KafkaSecurity.plaintext(), "restarted-" + RUN);
        restarted.start();
        try {
            await().atMost(WAIT).until(restarted::isCaughtUp);
            // no more waiting: caught up means everything published before the start is in
            assertThat(restarted.blocks(bob, mallory)).isTrue();
            assertThat(restarted.isBlockedEitherWay(carol, mallory)).isFalse();
        } finally {
            restarted.stop();
        }
    }

    @Test
    void theGatewayReportsTheBlockDirectoryInItsHealth() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        await().atMost(WAIT).untilAsserted(() -> management.get().uri("/actuator/health").exchange()
                .expectBody().jsonPath("$.components.blocks.status").isEqualTo("UP")
                .jsonPath("$.components.blocks.details.caughtUp").isEqualTo(true));
    }

    private void block(String blocker, String blocked) throws Exception {
        publish(BlockKey.of(blocker, blocked), CloudEvent.of(EventTypes.USER_BLOCKED, "/message-service",
                BlockKey.of(blocker, blocked), new UserBlocked(blocker, blocked, Instant.now())));
        await().atMost(WAIT).until(() -> directory.blocks(blocker, blocked));
    }

    private void unblock(String blocker, String blocked) throws Exception {
        publish(BlockKey.of(blocker, blocked), CloudEvent.of(EventTypes.USER_UNBLOCKED, "/message-service",
                BlockKey.of(blocker, blocked), new UserUnblocked(blocker, blocked, Instant.now())));
        await().atMost(WAIT).until(() -> !directory.blocks(blocker, blocked));
    }

    private static void typingSignal(String typist, String receiver) throws Exception {
        CloudEvent<TypingSignal> signal = CloudEvent.of(EventTypes.TYPING_STARTED, "/gateway", receiver,
                new TypingSignal(typist, receiver));
        producer.send(new ProducerRecord<>(Topics.TYPING_SIGNALS.name(), receiver, EventCodec.encode(signal))).get();
    }

    private static void publish(String key, CloudEvent<?> event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.USER_BLOCKS.name(), key, EventCodec.encode(event))).get();
    }

    private static void assertRefused(JsonNode ack, String message) {
        assertThat(ack.get("ok").asBoolean()).as("%s", ack).isFalse();
        assertThat(ack.at("/error/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(ack.at("/error/message").asString()).isEqualTo(message);
    }

    private TestSocket connect(String userId) throws Exception {
        return TestSocket.connect(port, issuer.issue(userId, false, Duration.ofMinutes(5)));
    }

    private static String user(String name) {
        return name + "-" + RUN + "-" + USERS.incrementAndGet();
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }
}
