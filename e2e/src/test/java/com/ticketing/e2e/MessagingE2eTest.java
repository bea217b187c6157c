package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Direct messages end to end: two users, one with two devices, over sockets and REST, across the
 * gateway, Kafka, message-service and PostgreSQL.
 */
class MessagingE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final E2eStack stack = E2eStack.get();
    private static ClientAgent agent;
    private static String gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = stack.gateway(0);
        agent = new ClientAgent();
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
    }

    @Test
    void sendReceiveMirrorReadReceiptAndDelete() {
        String alice = user("alice");
        String bob = user("bob");
        ClientAgent.Client alicePhone = agent.connect(alice + "-phone", gateway, stack.token(alice), List.of("websocket"));
        ClientAgent.Client aliceLaptop = agent.connect(alice + "-laptop", gateway, stack.token(alice), null);
        ClientAgent.Client bobPhone = agent.connect(bob + "-phone", gateway, stack.token(bob), List.of("websocket"));

        JsonNode ack = alicePhone.emitWithAck("message:send", Map.of("receiverId", bob, "message", "  Seats together?  ",
                "clientMessageId", "c-1"));

        assertThat(ack.get("ok").asBoolean()).as(ack.toString()).isTrue();
        assertThat(ack.get("status").asString()).isEqualTo("stored");
        String messageId = ack.get("id").asString();
        var received = bobPhone.awaitEvent("message:received", m -> messageId.equals(m.get("id").asString()), WAIT).arg();
        assertThat(received.get("content").asString()).isEqualTo("Seats together?");
        assertThat(received.get("senderId").asString()).isEqualTo(alice);
        aliceLaptop.awaitEvent("message:sent", m -> messageId.equals(m.get("id").asString()), WAIT);

        var read = Rest.call("PUT", gateway + "/api/messages/" + messageId + "/read", stack.token(bob), null);
        assertThat(read.status()).isEqualTo(200);
        var receipt = alicePhone.awaitEvent("message:read", r -> messageId.equals(r.get("messageId").asString()), WAIT).arg();
        assertThat(receipt.get("readerId").asString()).isEqualTo(bob);

        var deleted = Rest.call("DELETE", gateway + "/api/messages/" + messageId, stack.token(alice), null);
        assertThat(deleted.status()).isEqualTo(204);
        bobPhone.awaitEvent("message:deleted", d -> messageId.equals(d.get("messageId").asString()), WAIT);
        aliceLaptop.awaitEvent("message:deleted", d -> messageId.equals(d.get("messageId").asString()), WAIT);
    }

    @Test
    void aRetryWithTheSameClientMessageIdStoresOneMessage() {
        String alice = user("alice");
        String bob = user("bob");
        ClientAgent.Client phone = agent.connect(alice + "-retry", gateway, stack.token(alice), List.of("websocket"));
        Map<String, String> send = Map.of("receiverId", bob, "content", "Is it still available?", "clientMessageId", "retry-1");

        JsonNode first = phone.emitWithAck("message:send", send);
        JsonNode second = phone.emitWithAck("message:send", send);

        assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
        var conversation = Rest.call("GET", gateway + "/api/messages/conversation/" + bob, stack.token(alice), null);
        assertThat(conversation.status()).isEqualTo(200);
        assertThat(conversation.body()).hasSize(1);
    }

    @Test
    void invalidSendsAreRefusedWithValidation() {
        String alice = user("alice");
        ClientAgent.Client phone = agent.connect(alice + "-invalid", gateway, stack.token(alice), List.of("websocket"));

        assertThat(phone.emitWithAck("message:send", Map.of("receiverId", "bob", "content", "   "))
                .at("/error/code").asString()).isEqualTo("VALIDATION");
        assertThat(phone.emitWithAck("message:send", Map.of("receiverId", alice, "content", "me"))
                .at("/error/code").asString()).isEqualTo("VALIDATION");
        assertThat(phone.emitWithAck("message:send", Map.of("receiverId", "bob", "content", "x".repeat(5001)))
                .at("/error/code").asString()).isEqualTo("VALIDATION");
        assertThat(phone.emitWithAck("message:send", Map.of("receiverId", "bob", "content", "nul \u0000 inside"))
                .at("/error/message").asString()).contains("NUL");
    }

    @Test
    void aFloodHitsTheLimitAndEverySendIsAnswered() {
        String flooder = user("flood");
        ClientAgent.Client phone = agent.connect(flooder, gateway, stack.token(flooder), List.of("websocket"));

        List<Object> sends = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sends.add(Map.of("receiverId", "bob", "content", "spam " + i));
        }

        List<JsonNode> answers = phone.burstWithAck("message:send", sends);

        assertThat(answers).hasSize(25).allSatisfy(answer -> assertThat(answer.get("ok").asBoolean()
                || "RATE_LIMITED".equals(answer.at("/error/code").asString())).as(answer.toString()).isTrue());
        long accepted = answers.stream().filter(answer -> answer.get("ok").asBoolean()).count();
        // At most 20 in any 10 s: the burst gets exactly 20 through.
        assertThat(accepted).isEqualTo(20L);
        // REST counts against the same window: the very next send meets a 429 with Retry-After.
        Rest.Answer rest = Rest.call("POST", gateway + "/api/messages", stack.token(flooder),
                "{\"receiverId\":\"bob\",\"content\":\"more\"}");
        assertThat(rest.status()).isEqualTo(429);
        assertThat(rest.body().at("/error/code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(rest.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void typingReachesTheReceiverAndRepeatsAreCoalesced() {
        String alice = user("alice");
        String bob = user("bob");
        ClientAgent.Client typist = agent.connect(alice + "-typist", gateway, stack.token(alice), List.of("websocket"));
        ClientAgent.Client reader = agent.connect(bob + "-reader", gateway, stack.token(bob), List.of("websocket"));

        assertThat(typist.emitWithAck("typing:start", bob).get("coalesced").asBoolean()).isFalse();
        assertThat(typist.emitWithAck("typing:start", bob).get("coalesced").asBoolean()).isTrue();
        reader.awaitEvent("typing:start", t -> alice.equals(t.get("userId").asString()), WAIT);
        typist.emitWithAck("typing:stop", bob);
        reader.awaitEvent("typing:stop", t -> alice.equals(t.get("userId").asString()), WAIT);
        assertThat(reader.receivedSoFar("typing:start")).isEmpty();
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
