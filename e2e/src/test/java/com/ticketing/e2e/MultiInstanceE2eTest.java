package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two gateway instances on one broker: any socket on any instance gets what is meant for it. */
class MultiInstanceE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final E2eStack stack = E2eStack.get();
    private static ClientAgent agent;
    private static String gatewayA;
    private static String gatewayB;

    @BeforeAll
    static void start() throws Exception {
        gatewayA = stack.gateway(0);
        gatewayB = stack.gateway(1);
        agent = new ClientAgent();
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
    }

    @Test
    void aMessageReachesTheReceiversSocketsOnBothInstances() {
        String alice = user("alice");
        String bob = user("bob");
        ClientAgent.Client aliceOnA = agent.connect(alice + "-a", gatewayA, stack.token(alice), List.of("websocket"));
        ClientAgent.Client aliceOnB = agent.connect(alice + "-b", gatewayB, stack.token(alice), List.of("polling"));
        ClientAgent.Client bobOnA = agent.connect(bob + "-a", gatewayA, stack.token(bob), List.of("websocket"));

        var ack = bobOnA.emitWithAck("message:send", Map.of("receiverId", alice, "content", "Hello from A"));
        String messageId = ack.get("id").asString();

        aliceOnA.awaitEvent("message:received", m -> messageId.equals(m.get("id").asString()), WAIT);
        aliceOnB.awaitEvent("message:received", m -> messageId.equals(m.get("id").asString()), WAIT);
    }

    @Test
    void typingCrossesInstances() {
        String alice = user("alice");
        String bob = user("bob");
        ClientAgent.Client typist = agent.connect(alice + "-typist", gatewayA, stack.token(alice), List.of("websocket"));
        ClientAgent.Client reader = agent.connect(bob + "-reader", gatewayB, stack.token(bob), List.of("websocket"));

        typist.emitWithAck("typing:start", bob);

        reader.awaitEvent("typing:start", t -> alice.equals(t.get("userId").asString()), WAIT);
        typist.emitWithAck("typing:stop", bob);
        reader.awaitEvent("typing:stop", t -> alice.equals(t.get("userId").asString()), WAIT);
    }

    @Test
    void readingAConversationReachesTheOtherUsersSocketsOnTheOtherInstance() {
        String alice = user("alice");
        String bob = user("bob");
        ClientAgent.Client aliceOnA = agent.connect(alice + "-reader", gatewayA, stack.token(alice), List.of("websocket"));
        ClientAgent.Client bobOnB = agent.connect(bob + "-writer", gatewayB, stack.token(bob), List.of("websocket"));
        String messageId = bobOnB.emitWithAck("message:send", Map.of("receiverId", alice, "content", "two seats?"))
                .get("id").asString();
        aliceOnA.awaitEvent("message:received", m -> messageId.equals(m.get("id").asString()), WAIT);

        var read = Rest.call("PUT", gatewayA + "/api/messages/conversation/" + bob + "/read", stack.token(alice), null);
        assertThat(read.body().get("count").asInt()).isEqualTo(1);

        var event = bobOnB.awaitEvent("conversation:read", r -> alice.equals(r.get("readerId").asString()), WAIT).arg();
        assertThat(event.get("otherUserId").asString()).isEqualTo(bob);
        assertThat(event.get("count").asInt()).isEqualTo(1);
    }

    @Test
    void presenceAnswersTheSameOnBothInstances() {
        String alice = user("alice");
        agent.connect(alice + "-pa", gatewayA, stack.token(alice), List.of("websocket"));
        agent.connect(alice + "-pb", gatewayB, stack.token(alice), List.of("websocket"));

        for (String gateway : List.of(gatewayA, gatewayB)) {
            await().atMost(WAIT).untilAsserted(() -> {
                var answer = Rest.call("GET", gateway + "/api/presence/users/" + alice, stack.token(alice), null);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().get("online").asBoolean()).isTrue();
                assertThat(answer.body().get("sockets")).hasSize(2);
            });
        }
        var otherView = Rest.call("GET", gatewayB + "/api/presence/users/" + alice, stack.token("someone-else"), null);
        assertThat(otherView.body().has("sockets")).isFalse();
    }

    @Test
    void presenceShowsTheTransportASocketUpgradedTo() {
        String carol = user("carol");
        // The client's default: long-polling first, then the upgrade to WebSocket.
        agent.connect(carol + "-upgrading", gatewayA, stack.token(carol), List.of("polling", "websocket"));

        for (String gateway : List.of(gatewayA, gatewayB)) {
            await().atMost(WAIT).untilAsserted(() -> {
                var answer = Rest.call("GET", gateway + "/api/presence/users/" + carol, stack.token(carol), null);
                assertThat(answer.body().get("sockets")).hasSize(1);
                assertThat(answer.body().at("/sockets/0/transport").asString()).isEqualTo("websocket");
            });
        }
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
