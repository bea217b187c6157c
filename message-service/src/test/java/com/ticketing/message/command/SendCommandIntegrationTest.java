package com.ticketing.message.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.support.EventTopicReader;
import com.ticketing.message.support.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Send commands from sockets in, stored messages and message events out, through the running service. */
class SendCommandIntegrationTest extends IntegrationTestSupport {

    private static KafkaProducer<String, byte[]> producer;
    private static EventTopicReader events;
    private static EventTopicReader deadLetters;

    private final String alice = user("alice");
    private final String bob = user("bob");

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers")), new StringSerializer(), new ByteArraySerializer());
        events = new EventTopicReader(Topics.MESSAGE_EVENTS.name());
        deadLetters = new EventTopicReader(Topics.MESSAGE_COMMANDS.deadLetter().name());
    }

    @AfterAll
    static void close() {
        producer.close();
        events.close();
        deadLetters.close();
    }

    @Test
    void commandIsStoredAndAnnouncedAsMessageSentExactlyAsStored() {
        CloudEvent<SendMessageCommand> command = command(alice, bob, "  via socket  ", "cm-1");
        publish(command);

        CloudEvent<?> sent = awaitEvents(EventTypes.MESSAGE_SENT.name(), alice, 1).get(0);
        MessageSent payload = sent.dataAs(EventTypes.MESSAGE_SENT);
        assertThat(payload.clientMessageId()).isEqualTo("cm-1");
        assertThat(payload.message().content()).isEqualTo("via socket");
        assertThat(sent.subject()).isEqualTo(ConversationKey.of(alice, bob));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored = client.get().uri("/api/messages/conversation/" + alice)
                .headers(h -> h.setBearerAuth(token(bob))).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("id")).isEqualTo(payload.message().id());
        assertThat(stored.get(0).get("createdAt")).isEqualTo(payload.message().createdAt().toString());
    }

    @Test
    void redeliveredCommandStoresOneMessageAndReEmitsTheSameSentEvent() {
        CloudEvent<SendMessageCommand> command = command(alice, bob, "only once", "cm-dup");
        publish(command);
        awaitEvents(EventTypes.MESSAGE_SENT.name(), alice, 1);
        publish(command);
        publish(command(alice, bob, "only once", "cm-dup")); // a retry under a new command id

        // Each replay re-emits message.sent, unless it folds into a copy still queued in the outbox:
        // two or three events, never a second id.
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(500)).until(() -> events.events(
                e -> e.is(EventTypes.MESSAGE_SENT) && e.subject().contains(alice)).size() >= 2);
        List<CloudEvent<?>> sent = events.events(e -> e.is(EventTypes.MESSAGE_SENT) && e.subject().contains(alice));
        assertThat(sent).hasSizeBetween(2, 3);
        assertThat(sent).extracting(CloudEvent::id).containsOnly(sent.get(0).id());
        assertThat(sent).extracting(e -> e.dataAs(EventTypes.MESSAGE_SENT).message().id())
                .containsOnly(sent.get(0).dataAs(EventTypes.MESSAGE_SENT).message().id());
        client.get().uri("/api/messages/conversation/" + bob).headers(h -> h.setBearerAuth(token(alice)))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void sendsBeyondTheLimitAreRejectedAndRetriesCostNothing() {
        String flooder = user("flooder");
        for (int i = 0; i < 20; i++) {
            publish(command(flooder, bob, "message " + i, "flood-" + i));
        }
        awaitEvents(EventTypes.MESSAGE_SENT.name(), flooder, 20);

        publish(command(flooder, bob, "message 0", "flood-0")); // a retry of a stored message
        publish(command(flooder, bob, "one too many", "flood-20"));

        List<CloudEvent<?>> rejected = awaitEvents(EventTypes.MESSAGE_REJECTED.name(), flooder, 1);
        assertThat(rejected.get(0).dataAs(EventTypes.MESSAGE_REJECTED).code()).isEqualTo("RATE_LIMITED");
        assertThat(rejected.get(0).dataAs(EventTypes.MESSAGE_REJECTED).clientMessageId()).isEqualTo("flood-20");
    }

    @Test
    void commandWithoutClientMessageIdIsDeduplicatedByItsCommandId() {
        CloudEvent<SendMessageCommand> command = command(alice, bob, "no client id", null);
        publish(command);
        publish(command);

        // The copy is re-emitted, or folded into the still-queued outbox row: one event id either way.
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(500)).until(() -> !events.events(
                e -> e.is(EventTypes.MESSAGE_SENT) && e.subject().contains(alice)).isEmpty());
        List<CloudEvent<?>> sent = events.events(e -> e.is(EventTypes.MESSAGE_SENT) && e.subject().contains(alice));
        assertThat(sent.get(0).dataAs(EventTypes.MESSAGE_SENT).clientMessageId()).isEqualTo(command.id());
        assertThat(sent).extracting(CloudEvent::id).containsOnly(sent.get(0).id());
        client.get().uri("/api/messages/conversation/" + bob).headers(h -> h.setBearerAuth(token(alice)))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void invalidCommandIsRejectedThroughTheOutbox() {
        CloudEvent<SendMessageCommand> tooLong = command(alice, bob, "x".repeat(5001), "cm-long");
        CloudEvent<SendMessageCommand> toSelf = command(alice, alice, "me", "cm-self");
        CloudEvent<SendMessageCommand> withNul = command(alice, bob, "nul \u0000 inside", "cm-nul");
        publish(tooLong);
        publish(toSelf);
        publish(withNul);

        List<CloudEvent<?>> rejected = awaitEvents(EventTypes.MESSAGE_REJECTED.name(), alice, 3);
        assertThat(rejected).extracting(e -> e.dataAs(EventTypes.MESSAGE_REJECTED))
                .extracting(MessageRejected::commandId, MessageRejected::code, MessageRejected::clientMessageId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(tooLong.id(), "VALIDATION", "cm-long"),
                        org.assertj.core.groups.Tuple.tuple(toSelf.id(), "VALIDATION", "cm-self"),
                        org.assertj.core.groups.Tuple.tuple(withNul.id(), "VALIDATION", "cm-nul"));
        assertThat(awaitEvents(EventTypes.MESSAGE_SENT.name(), alice, 0)).isEmpty();
    }

    @Test
    void undecodableCommandGoesUnchangedToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
        byte[] garbage = ("{not json " + alice).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), ConversationKey.of(alice, bob), garbage));
        publish(command(alice, bob, "after the garbage", "cm-after"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters.poll(r -> java.util.Arrays.equals(r.value(), garbage)).isEmpty());
        var dead = deadLetters.poll(r -> java.util.Arrays.equals(r.value(), garbage)).get(0);
        assertThat(dead.key()).isEqualTo(ConversationKey.of(alice, bob));
        assertThat(dead.headers()).containsEntry("dlq.reason", "MALFORMED_JSON").containsEntry("dlq.refused.by", "message-service");
        awaitEvents(EventTypes.MESSAGE_SENT.name(), alice, 1);
    }

    @Test
    void aBurstWithAnUndecodableRecordInsideIsHandledInOrderAroundIt() {
        String key = ConversationKey.of(alice, bob);
        byte[] garbage = ("{not json either " + alice).getBytes(StandardCharsets.UTF_8);
        List<CloudEvent<SendMessageCommand>> before = List.of(command(alice, bob, "one", "burst-1"),
                command(alice, bob, "two", "burst-2"), command(alice, bob, "three", "burst-3"));
        List<CloudEvent<SendMessageCommand>> after = List.of(command(alice, bob, "four", "burst-4"),
                command(alice, alice, "to myself", "burst-self"), command(alice, bob, "five", "burst-5"));
        // One flush for all, on one partition: they reach the service in one poll or a few, in this order.
        before.forEach(command -> send(command));
        producer.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), key, garbage));
        after.forEach(command -> send(command));
        producer.flush();

        await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters.poll(r -> java.util.Arrays.equals(r.value(), garbage)).isEmpty());
        List<CloudEvent<?>> sent = awaitEvents(EventTypes.MESSAGE_SENT.name(), alice, 5);
        assertThat(sent).extracting(e -> e.dataAs(EventTypes.MESSAGE_SENT).clientMessageId())
                .containsExactly("burst-1", "burst-2", "burst-3", "burst-4", "burst-5");
        assertThat(awaitEvents(EventTypes.MESSAGE_REJECTED.name(), alice, 1).get(0).dataAs(EventTypes.MESSAGE_REJECTED)
                .clientMessageId()).isEqualTo("burst-self");
    }

    @Test
    void restChangesAreEmittedKeyedByConversation() {
        String id = client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(alice)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiverId", bob, "content", "hi"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(alice)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiverId", bob, "content", "again"))
                .exchange().expectStatus().isCreated();
        client.put().uri("/api/messages/" + id + "/read").headers(h -> h.setBearerAuth(token(bob))).exchange()
                .expectStatus().isOk();
        client.put().uri("/api/messages/conversation/" + alice + "/read").headers(h -> h.setBearerAuth(token(bob)))
                .exchange().expectStatus().isOk();
        client.delete().uri("/api/messages/" + id).headers(h -> h.setBearerAuth(token(alice))).exchange()
                .expectStatus().isNoContent();

        String key = ConversationKey.of(alice, bob);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.events(e -> key.equals(e.subject())).size() == 5);
        List<CloudEvent<?>> all = events.events(e -> key.equals(e.subject()));
        assertThat(all).extracting(CloudEvent::type).containsExactly(EventTypes.MESSAGE_SENT.name(),
                EventTypes.MESSAGE_SENT.name(), EventTypes.MESSAGE_READ.name(), EventTypes.CONVERSATION_READ.name(),
                EventTypes.MESSAGE_DELETED.name());
        assertThat(all.get(2).dataAs(EventTypes.MESSAGE_READ).readerId()).isEqualTo(bob);
        assertThat(all.get(3).dataAs(EventTypes.CONVERSATION_READ).count()).isEqualTo(1);
        assertThat(all.get(4).dataAs(EventTypes.MESSAGE_DELETED).messageId()).isEqualTo(id);
        assertThat(events.poll(r -> key.equals(r.key()))).hasSize(5);
    }

    private static CloudEvent<SendMessageCommand> command(String sender, String receiver, String content,
                                                          String clientMessageId) {
        return CloudEvent.of(EventTypes.MESSAGE_SEND_REQUESTED, "/gateway/test", ConversationKey.of(sender, receiver),
                new SendMessageCommand(sender, receiver, content, null, null, clientMessageId, Instant.now()));
    }

    private static void publish(CloudEvent<SendMessageCommand> command) {
        send(command);
        producer.flush();
    }

    private static void send(CloudEvent<SendMessageCommand> command) {
        producer.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), command.subject(), EventCodec.encode(command)));
    }

    /** Waits until exactly {@code count} events of the type about {@code sender} arrived (and no more for a moment). */
    private static List<CloudEvent<?>> awaitEvents(String type, String sender, int count) {
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(300))
                .until(() -> events.events(e -> e.type().equals(type) && e.subject().contains(sender)).size() == count);
        return events.events(e -> e.type().equals(type) && e.subject().contains(sender));
    }
}
