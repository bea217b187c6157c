package com.ticketing.message.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.notification.NotificationRequested;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.support.EventTopicReader;
import com.ticketing.message.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Push requests for offline receivers, with presence as the gateways publish it on the real broker: a
 * test "gateway" announces sockets and keeps sending heartbeats, message-service reads them.
 */
class PushRequestsIntegrationTest extends IntegrationTestSupport {

    private static final String INSTANCE = "push-test-gateway-" + UUID.randomUUID();

    private static KafkaProducer<String, byte[]> presence;
    private static ScheduledExecutorService heartbeats;
    private static EventTopicReader pushes;

    @Autowired
    PresenceView view;

    @BeforeAll
    static void startGateway() {
        presence = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers")), new StringSerializer(), new ByteArraySerializer());
        heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> publish(INSTANCE, CloudEvent.of(EventTypes.PRESENCE_HEARTBEAT, "/gateway",
                INSTANCE, Instant.now(), new GatewayHeartbeat(INSTANCE, Instant.now(), 1000))), 0, 1, TimeUnit.SECONDS);
        pushes = new EventTopicReader(Topics.NOTIFICATION_REQUESTS.name());
    }

    @AfterAll
    static void stopGateway() {
        heartbeats.shutdownNow();
        presence.close();
        pushes.close();
    }

    @Test
    void anOfflineReceiverGetsOneRequestWithThePreviewAndHisUnreadCount() {
        String buyer = user("buyer");
        String seller = user("seller");
        String id = send(buyer, seller, "Are the seats next to each other?");

        NotificationRequested request = awaitOnePushFor(seller);
        assertThat(request).isEqualTo(new NotificationRequested(seller, "message", id, buyer,
                "Are the seats next to each other?", 1));
    }

    @Test
    void anOnlineReceiverGetsNone() {
        String buyer = user("buyer");
        String seller = user("seller");
        connect(seller, "s1");

        send(buyer, seller, "Hi, online seller");
        String marker = user("offline");
        send(buyer, marker, "marker");

        awaitOnePushFor(marker); // published after the first message's outbox row, had there been one
        assertThat(pushesFor(seller)).isEmpty();
    }

    @Test
    void tenMessagesWithinAMinuteGiveOneRequest() {
        String buyer = user("buyer");
        String seller = user("seller");
        for (int i = 0; i < 10; i++) {
            send(buyer, seller, "message " + i);
        }
        String marker = user("offline");
        send(buyer, marker, "marker");

        awaitOnePushFor(marker);
        assertThat(pushesFor(seller)).singleElement().satisfies(request -> {
            assertThat(request.preview()).isEqualTo("message 0");
            assertThat(request.unreadCount()).isEqualTo(1);
        });
    }

    @Test
    void theReceiverConnectingBetweenTwoMessagesStopsTheRequestsAndLeavingStartsThemAgain() {
        String seller = user("seller");
        send(user("first"), seller, "while offline");
        awaitOnePushFor(seller);

        connect(seller, "s1");
        send(user("second"), seller, "while online"); // another conversation: only presence can stop it
        disconnect(seller, "s1");
        String third = user("third");
        send(third, seller, "offline again");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pushesFor(seller))
                .extracting(NotificationRequested::preview).containsExactly("while offline", "offline again"));
    }

    @Test
    void aBlockedSenderCausesNoRequest() {
        String seller = user("seller");
        String scammer = user("scammer");
        client.put().uri("/api/users/{id}/block", scammer).headers(h -> h.setBearerAuth(token(seller))).exchange()
                .expectStatus().isNoContent();
        client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(scammer)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiverId", seller, "content", "psst"))
                .exchange().expectStatus().isForbidden();
        String friend = user("friend");
        send(friend, seller, "marker");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pushesFor(seller))
                .extracting(NotificationRequested::senderId).containsExactly(friend));
    }

    private void connect(String userId, String socketId) {
        publish(userId, CloudEvent.of(EventTypes.PRESENCE_SOCKET_CONNECTED, "/gateway", userId, Instant.now(),
                new SocketConnected(userId, socketId, INSTANCE, Instant.now(), "websocket")));
        await().atMost(Duration.ofSeconds(30)).until(() -> view.isOnline(userId));
    }

    private void disconnect(String userId, String socketId) {
        publish(userId, CloudEvent.of(EventTypes.PRESENCE_SOCKET_DISCONNECTED, "/gateway", userId, Instant.now(),
                new SocketDisconnected(userId, socketId, INSTANCE, Instant.now(), "transport close")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !view.isOnline(userId));
    }

    private static void publish(String key, CloudEvent<?> event) {
        presence.send(new ProducerRecord<>(Topics.PRESENCE_EVENTS.name(), key, EventCodec.encode(event)));
        presence.flush();
    }

    private String send(String sender, String receiver, String content) {
        return client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(sender)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiverId", receiver, "content", content))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private NotificationRequested awaitOnePushFor(String userId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !pushesFor(userId).isEmpty());
        List<NotificationRequested> requests = pushesFor(userId);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static List<NotificationRequested> pushesFor(String userId) {
        return pushes.poll(record -> userId.equals(record.key())).stream()
                .map(record -> (NotificationRequested) record.event().data()).toList();
    }
}
