package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway with the real socket.io-client: authentication, subscriptions and live fan-out. */
class GatewaySocketE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final E2eStack stack = E2eStack.get();
    private static ClientAgent agent;
    private static Marketplace marketplace;
    private static String gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = stack.gateway(0);
        agent = new ClientAgent();
        marketplace = new Marketplace();
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        marketplace.close();
    }

    @Test
    void connectWithoutTokenIsRefusedWithAuthenticationRequired() {
        ClientAgent.Client client = agent.connect("anonymous", gateway, null, null);

        assertThat(client.connected()).isFalse();
        assertThat(client.refusal()).isEqualTo("Authentication required");
    }

    @Test
    void expiredTokenIsRefusedWithTokenExpired() {
        ClientAgent.Client client = agent.connect("expired", gateway,
                stack.token("alice", false, Duration.ofMinutes(-5)), List.of("websocket"));

        assertThat(client.refusal()).isEqualTo("Token expired");
    }

    @Test
    void tamperedTokenIsRefusedWithInvalidToken() {
        ClientAgent.Client client = agent.connect("tampered", gateway, stack.token("alice") + "x", List.of("polling"));

        assertThat(client.refusal()).isEqualTo("Invalid token");
    }

    @Test
    void tokenWhoseSubBreaksTheIdRuleIsRefusedAtConnect() {
        ClientAgent.Client client = agent.connect("bad-sub", gateway, stack.token("auth0|x"), List.of("websocket"));

        assertThat(client.connected()).isFalse();
        assertThat(client.refusal()).isEqualTo("Invalid token: sub must be 1 to 64 letters, digits or _ . : @ -");
    }

    @Test
    void aUserCyclingConnectAndDisconnectIsRefusedAfterTenAttemptsInTenSeconds() {
        String user = "cycler-" + UUID.randomUUID().toString().substring(0, 8);
        String token = stack.token(user);
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            ClientAgent.Client client = agent.connect(user + "-" + i, gateway, token, List.of("websocket"));
            assertThat(client.connected()).as("attempt %d", i + 1).isTrue();
            client.disconnect();
        }

        ClientAgent.Client eleventh = agent.connect(user + "-10", gateway, token, List.of("websocket"));

        System.out.printf("ten connect/disconnect cycles took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(eleventh.connected()).isFalse();
        assertThat(eleventh.refusal()).isEqualTo("Too many connection attempts");
    }

    @Test
    void defaultClientUpgradesToWebSocketAndIsGreetedWithConnected() {
        ClientAgent.Client alice = agent.connect("alice-default", gateway, stack.token("alice"), null);

        var connected = alice.awaitEvent("connected", WAIT).arg();
        assertThat(connected.get("userId").asString()).isEqualTo("alice");
        assertThat(connected.get("socketId").asString()).isNotBlank();
        assertThat(connected.get("serverTime").asString()).endsWith("Z");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "websocket".equals(alice.transport()));
        alice.disconnect();
    }

    @Test
    void listingUpdatesReachSubscribersAndOnlyThem() {
        String listingId = "lst-" + UUID.randomUUID().toString().substring(0, 8);
        ClientAgent.Client watcher = agent.connect("watcher", gateway, stack.token("walter"), List.of("websocket"));
        ClientAgent.Client bystander = agent.connect("bystander", gateway, stack.token("bella"), List.of("polling"));
        var subscribed = watcher.emitWithAck("subscribe:listing", listingId);
        assertThat(subscribed.get("ok").asBoolean()).isTrue();

        marketplace.listingCreated(listingId, "sam", 4, "120.00");
        marketplace.priceChanged(listingId, "99.50");

        var created = watcher.awaitEvent("listing:updated", update -> update.get("version").asLong() == 1, WAIT).arg();
        assertThat(created.get("status").asString()).isEqualTo("active");
        var priceUpdate = watcher.awaitEvent("listing:updated", update -> update.get("version").asLong() == 2, WAIT).arg();
        assertThat(priceUpdate.at("/price/amount").asString()).isEqualTo("99.50");
        assertThat(priceUpdate.at("/changes/price/from/amount").asString()).isEqualTo("120.00");
        var priceChanged = watcher.awaitEvent("listing:price_changed", WAIT).arg();
        assertThat(priceChanged.get("oldPrice").asString()).isEqualTo("120.00");
        assertThat(priceChanged.get("newPrice").asString()).isEqualTo("99.50");
        assertThat(priceChanged.get("currency").asString()).isEqualTo("USD");
        assertThat(bystander.receivedSoFar("listing:updated")).isEmpty();
        watcher.disconnect();
        bystander.disconnect();
    }

    @Test
    void invalidListingIdIsRefusedWithValidation() {
        ClientAgent.Client client = agent.connect("validator", gateway, stack.token("vic"), List.of("websocket"));

        var answer = client.emitWithAck("subscribe:listing", "bad id with spaces");

        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertThat(answer.at("/error/code").asString()).isEqualTo("VALIDATION");
        client.disconnect();
    }

    @Test
    void aRefusalWithoutAckIsEmittedAsError() {
        ClientAgent.Client client = agent.connect("no-ack", gateway, stack.token("nick"), List.of("websocket"));

        client.emit("subscribe:transaction", "");

        var error = client.awaitEvent("error", WAIT).arg();
        assertThat(error.get("event").asString()).isEqualTo("subscribe:transaction");
        assertThat(error.get("code").asString()).isEqualTo("VALIDATION");
        client.disconnect();
    }

    @Test
    void transactionUpdatesReachTheBuyerAndAStrangerIsRefused() {
        String transactionId = "txn-" + UUID.randomUUID().toString().substring(0, 8);
        String listingId = "lst-" + UUID.randomUUID().toString().substring(0, 8);
        ClientAgent.Client buyer = agent.connect("buyer", gateway, stack.token("bruce"), List.of("websocket"));
        ClientAgent.Client stranger = agent.connect("stranger", gateway, stack.token("sneaky"), List.of("websocket"));
        marketplace.listingCreated(listingId, "selma", 2, "80.00");
        marketplace.transactionCreated(transactionId, listingId, "bruce", "selma");

        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                buyer.emitWithAck("subscribe:transaction", transactionId).get("ok").asBoolean());
        var refused = stranger.emitWithAck("subscribe:transaction", transactionId);
        var unknown = stranger.emitWithAck("subscribe:transaction", "txn-none-" + transactionId);
        assertThat(refused.at("/error/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(refused.at("/error/message").asString()).as("the same answer as for no transaction at all")
                .isEqualTo(unknown.at("/error/message").asString().replace("txn-none-", ""));

        marketplace.paymentReceived(transactionId);

        var update = buyer.awaitEvent("transaction:updated",
                u -> "payment_received".equals(u.get("status").asString()), WAIT).arg();
        assertThat(update.get("previousStatus").asString()).isEqualTo("pending");
        assertThat(update.has("buyerId")).isFalse();
        assertThat(stranger.receivedSoFar("transaction:updated")).isEmpty();

        // The same state over REST, through the gateway's one origin.
        var asBuyer = Rest.call("GET", gateway + "/api/transactions/" + transactionId, stack.token("bruce"), null);
        assertThat(asBuyer.status()).isEqualTo(200);
        assertThat(asBuyer.body().toString()).contains("payment_received");
        assertThat(Rest.call("GET", gateway + "/api/transactions/" + transactionId, stack.token("sneaky"), null).status())
                .as("a stranger learns nothing, not even that it exists").isEqualTo(404);
        var listing = Rest.call("GET", gateway + "/api/listings/" + listingId, stack.token("sneaky"), null);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body().at("/price/amount").asString()).isEqualTo("80.00");
        assertThat(Rest.call("GET", gateway + "/api/listings/" + listingId, null, null).status()).isEqualTo(401);
        buyer.disconnect();
        stranger.disconnect();
    }
}
