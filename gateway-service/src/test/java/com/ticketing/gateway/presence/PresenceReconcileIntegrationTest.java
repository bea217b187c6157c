package com.ticketing.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.config.GatewayProperties;
import com.ticketing.gateway.support.TestSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Presence repairs itself (issue 12): whatever a fault lost on {@code gateway.presence-events}, a gateway
 * makes presence show exactly its own sockets again. Here the topic is made to lie about this gateway, as a
 * lost connect or a lost disconnect would leave it: a departure of a socket that is still here, and the
 * arrival of a socket that is not. The gateway announces the first again and the second's departure, and the
 * view is right again. Heartbeats every 500 ms and a 3 s timeout keep the wait short (a shorter timeout
 * could see this gateway swept out on a loaded machine; the repair would follow another path).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.gateway.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ticketing.jwt.secret=" + PresenceReconcileIntegrationTest.SECRET,
        "ticketing.gateway.state-dir=target/gateway-presence-reconcile-it-state",
        "ticketing.gateway.presence.heartbeat-interval=500ms",
        "ticketing.gateway.presence.instance-timeout=3s",
        "ticketing.routes.listing-service=http://localhost:1",
        "ticketing.routes.message-service=http://localhost:1"})
class PresenceReconcileIntegrationTest {

    static final String SECRET = "gateway-presence-reconcile-secret-long-enough-for-hs256";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final TopicPartition PRESENCE = new TopicPartition(Topics.PRESENCE_EVENTS.name(), 0);
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> consumer;

    @LocalServerPort
    int port;
    @Autowired
    PresenceService presence;
    @Autowired
    GatewayProperties properties;

    @BeforeAll
    static void open() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(PRESENCE));
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    @Test
    void aSocketPresenceLostIsAnnouncedAgainAndOnePresenceInventedIsTakenBack() throws Exception {
        String user = "reconcile-" + RUN;
        String instance = properties.instanceId();
        JwtIssuer issuer = new JwtIssuer(JwtSettings.hs256(SECRET));
        try (TestSocket socket = TestSocket.connect(port, issuer.issue(user, false, Duration.ofMinutes(5)))) {
            String socketId = await().atMost(WAIT).until(() -> socketOf(user), id -> id != null);

            long lie = publish(user, CloudEvent.of(EventTypes.PRESENCE_SOCKET_DISCONNECTED, "/test", user, Instant.now(),
                    new SocketDisconnected(user, socketId, instance, Instant.now(), "lost in an outage")));
            String ghostUser = "ghost-" + RUN;
            publish(ghostUser, CloudEvent.of(EventTypes.PRESENCE_SOCKET_CONNECTED, "/test", ghostUser, Instant.now(),
                    new SocketConnected(ghostUser, "ghost-socket-" + RUN, instance, Instant.now(), "websocket")));

            awaitAfter(lie, event -> event.data() instanceof SocketConnected connected
                    && connected.socketId().equals(socketId) && connected.instanceId().equals(instance));
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(socketOf(user)).as("the socket that is here").isEqualTo(socketId);
                assertThat(presence.getUserSockets(ghostUser)).as("the socket that never was").isEmpty();
            });
        }
    }

    private String socketOf(String user) {
        try {
            List<PresentSocket> sockets = presence.getUserSockets(user);
            return sockets.isEmpty() ? null : sockets.get(0).socketId();
        } catch (RuntimeException notReady) {
            return null;
        }
    }

    private static long publish(String key, CloudEvent<?> event) throws Exception {
        return producer.send(new ProducerRecord<>(PRESENCE.topic(), key, EventCodec.encode(event))).get().offset();
    }

    /** Waits for an event after {@code offset} on the presence topic that matches. */
    private static void awaitAfter(long offset, Predicate<CloudEvent<?>> matches) {
        consumer.seek(PRESENCE, offset + 1);
        List<CloudEvent<?>> seen = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(EventCodec.decode(record.value())));
            return seen.stream().anyMatch(matches);
        });
    }
}
