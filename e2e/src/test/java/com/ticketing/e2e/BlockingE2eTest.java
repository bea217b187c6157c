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
import tools.jackson.databind.JsonNode;

/**
 * Blocking across two gateways with the official client: the blocked user's socket and REST sends and
 * both users' typing are refused FORBIDDEN on every instance, and an unblock lifts it everywhere.
 */
class BlockingE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final E2eStack stack = E2eStack.get();
    private static ClientAgent agent;
    private static String gatewayA;
    private static String gatewayB;

    @BeforeAll
    static void start() throws Exception {
        gatewayA = stack.gateway(0);
        gatewayB = stack.gateway(1);
        stack.messageService();
        agent = new ClientAgent();
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
    }

    @Test
    void aBlockHoldsOnEveryGatewayForSendsAndTypingBothWaysUntilLifted() {
        String seller = user("seller");
        String scammer = user("scammer");
        ClientAgent.Client sellerOnA = agent.connect(seller + "-a", gatewayA, stack.token(seller), List.of("websocket"));
        ClientAgent.Client scammerOnB = agent.connect(scammer + "-b", gatewayB, stack.token(scammer), null);

        assertThat(Rest.call("PUT", gatewayA + "/api/users/" + scammer + "/block", stack.token(seller), null).status())
                .isEqualTo(204);

        // message-service refuses at once; the gateways refuse without asking once the block reached them.
        JsonNode send = scammerOnB.emitWithAck("message:send", Map.of("receiverId", seller, "content", "pay outside"));
        assertThat(send.at("/error/code").asString()).as(send.toString()).isEqualTo("FORBIDDEN");
        assertThat(send.at("/error/message").asString()).isEqualTo("You cannot message this user");
        Rest.Answer rest = Rest.call("POST", gatewayB + "/api/messages", stack.token(scammer),
                "{\"receiverId\":\"" + seller + "\",\"content\":\"hello?\"}");
        assertThat(rest.status()).isEqualTo(403);
        assertThat(rest.body().at("/error/code").asString()).isEqualTo("FORBIDDEN");

        await().atMost(WAIT).untilAsserted(() -> assertThat(scammerOnB.emitWithAck("typing:start", seller)
                .at("/error/code").asString()).isEqualTo("FORBIDDEN"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(sellerOnA.emitWithAck("typing:start", scammer)
                .at("/error/message").asString()).isEqualTo("You blocked this user"));
        var listed = Rest.call("GET", gatewayB + "/api/users/blocked", stack.token(seller), null);
        assertThat(listed.body().findValuesAsString("userId")).containsExactly(scammer);

        assertThat(Rest.call("DELETE", gatewayB + "/api/users/" + scammer + "/block", stack.token(seller), null).status())
                .isEqualTo(204);

        await().atMost(WAIT).untilAsserted(() -> assertThat(scammerOnB.emitWithAck("typing:start", seller)
                .get("ok").asBoolean()).isTrue());
        sellerOnA.awaitEvent("typing:start", t -> scammer.equals(t.get("userId").asString()), WAIT);
        JsonNode after = scammerOnB.emitWithAck("message:send", Map.of("receiverId", seller, "content", "sorry"));
        assertThat(after.get("ok").asBoolean()).as(after.toString()).isTrue();
        sellerOnA.awaitEvent("message:received", m -> after.get("id").asString().equals(m.get("id").asString()), WAIT);
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
