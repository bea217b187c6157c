package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.payload.message.MessageView;
import com.ticketing.launcher.ServiceProcess;
import com.ticketing.launcher.faults.LoadBalancer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery with the official client (contract section 3): a socket whose transport
 * drops resumes on the same gateway, and after its gateway is killed with -9 it resumes on the other
 * one behind a load balancer, back in its rooms, with every update and message it missed exactly once
 * and in order; once the window has passed it gets a fresh session instead.
 */
class RecoveryE2eTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final E2eStack stack = E2eStack.get();
    private static ClientAgent agent;
    private static Marketplace marketplace;

    @BeforeAll
    static void start() throws Exception {
        agent = new ClientAgent();
        marketplace = new Marketplace();
    }

    @AfterAll
    static void stop() throws Exception {
        agent.close();
        marketplace.close();
    }

    @Test
    void aSocketWhoseTransportDropsResumesOnTheSameGatewayWithWhatItMissed() {
        String gateway = stack.gateway(0);
        ClientAgent.Client watcher = cutWhileFivePricesChange(gateway, "rc-watcher", "lst-rc-" + RUN);
        var connected = watcher.receivedSoFar("connected");
        assertThat(connected.get(connected.size() - 1).arg().get("recovered").asBoolean()).isTrue();
        watcher.disconnect();
    }

    @Test
    void aGapLargerThanTheOutboundLimitIsReplayedWholeAsTheClientReadsIt() {
        // 1,500 changes while away: 3,000 events, several times the 1,000 packets and 256 KB that may
        // wait for a client. The replay must go out as the client reads it, not trip the limit.
        String gateway = stack.gateway(0);
        String listingId = "lst-rc-big-" + RUN;
        int changes = 1_500;
        marketplace.listingCreated(listingId, "sam", 4, "5000.00");
        ClientAgent.Client watcher = agent.connect("rc-big-watcher", gateway, stack.token("rc-big-watcher"),
                List.of("websocket"), true);
        ClientAgent.Client witness = agent.connect("rc-big-witness", gateway, stack.token("rc-big-witness"),
                List.of("websocket"), false);
        for (ClientAgent.Client client : List.of(watcher, witness)) {
            assertThat(client.emitWithAck("subscribe:listing", listingId).get("ok").asBoolean()).isTrue();
        }
        marketplace.priceChanged(listingId, "4999.99");
        awaitVersion(watcher, 2);

        watcher.goAway();
        for (int i = 1; i <= changes; i++) {
            marketplace.priceChanged(listingId, java.math.BigDecimal.valueOf(499_999 - i, 2).toPlainString());
        }
        long last = 2 + changes;
        awaitVersion(witness, last); // everything is in the gateway's history before the client comes back
        watcher.comeBack();

        var resumed = watcher.awaitEvent("$connect", WAIT).arg();
        assertThat(resumed.get("recovered").asBoolean()).as("socket.recovered").isTrue();
        awaitVersion(watcher, last);
        List<Long> seen = versions(watcher);
        assertThat(seen).as("every version once, in order").isEqualTo(range(seen.get(0), last));
        assertThat(watcher.receivedSoFar("listing:price_changed")).hasSizeGreaterThanOrEqualTo(changes);
        assertThat(watcher.receivedSoFar("disconnect")).as("dropped once, by the test, never by the limit").hasSize(1);
        watcher.disconnect();
        witness.disconnect();
    }

    @Test
    void aGapOlderThanTheGatewaysMemoryIsReadBackFromKafka() throws Exception {
        // One byte of memory: the window keeps no record at all, so the whole gap comes from the topic.
        ServiceProcess gateway = stack.gatewayWith("recovery-from-kafka", E2eStack.serviceJvmOptions(),
                Map.of("TICKETING_SOCKETIO_RECOVERY_MEMORY", "1B"));
        try {
            ClientAgent.Client watcher = cutWhileFivePricesChange("http://localhost:" + gateway.port(), "rc-old-gap",
                    "lst-old-gap-" + RUN);
            assertThat(java.nio.file.Files.readString(gateway.log())).contains("back from Kafka for 1 resuming sockets");
            watcher.disconnect();
        } finally {
            gateway.close();
        }
    }

    @Test
    void afterAGatewayIsKilledItsClientsResumeOnTheOtherWithNothingMissedNothingTwiceAndOrderKept() throws Exception {
        ServiceProcess first = stack.gatewayWith("recovery-a", E2eStack.serviceJvmOptions());
        ServiceProcess second = stack.gatewayWith("recovery-b", E2eStack.serviceJvmOptions());
        String direct = "http://localhost:" + second.port();
        int listings = 20;
        int clients = 500;
        int recipients = 50;
        List<String> listingIds = new ArrayList<>();
        for (int i = 0; i < listings; i++) {
            listingIds.add("lst-kill-" + RUN + "-" + i);
            marketplace.listingCreated(listingIds.get(i), "sam", 10, "500.00");
        }
        try (LoadBalancer balancer = new LoadBalancer(first.port())) {
            // Sixteen at a time: one by one, the 500 connections and subscriptions took two minutes of the test.
            List<Callable<ClientAgent.Client>> joins = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String user = user(i);
                String listingId = listingIds.get(i % listings);
                // Half over WebSocket only, half as browsers start: long-polling, then the upgrade.
                List<String> transports = i % 2 == 0 ? List.of("websocket") : null;
                joins.add(() -> {
                    ClientAgent.Client client = agent.connect(user, balancer.url(), stack.token(user), transports, true);
                    assertThat(client.connected()).as(user).isTrue();
                    Awaitility.await().atMost(WAIT).until(() ->
                            client.emitWithAck("subscribe:listing", listingId).get("ok").asBoolean());
                    return client;
                });
            }
            List<ClientAgent.Client> sockets = new ArrayList<>();
            long joinStart = System.nanoTime();
            ExecutorService joining = Executors.newFixedThreadPool(16);
            try {
                for (Future<ClientAgent.Client> joined : joining.invokeAll(joins)) {
                    sockets.add(joined.get());
                }
            } finally {
                joining.shutdownNow();
            }
            System.out.printf("%d clients connected and subscribed in %d ms%n", clients,
                    (System.nanoTime() - joinStart) / 1_000_000);
            Map<String, AtomicInteger> version = new ConcurrentHashMap<>();
            listingIds.forEach(id -> version.put(id, new AtomicInteger(1)));
            Map<String, Set<String>> sentTo = new ConcurrentHashMap<>();
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread publisher = new Thread(() -> {
                int round = 0;
                while (publishing.get()) {
                    String listingId = listingIds.get(round % listings);
                    int next = version.get(listingId).incrementAndGet();
                    marketplace.priceChanged(listingId, (400 - next) + ".00");
                    if (round % 2 == 0) {
                        String recipient = user((round / 2) % recipients);
                        var sent = Rest.call("POST", direct + "/api/messages", stack.token("rc-sender-" + RUN),
                                "{\"receiverId\":\"" + recipient + "\",\"content\":\"round " + round + "\"}");
                        if (sent.status() == 201 || sent.status() == 200) {
                            sentTo.computeIfAbsent(recipient, r -> ConcurrentHashMap.newKeySet())
                                    .add(sent.body().get("id").asString());
                        }
                    }
                    round++;
                    sleep(25);
                }
            }, "recovery-publisher");
            publisher.start();
            sleep(3000);

            first.kill(); // -9: no goodbye, no session written at the end
            long killed = System.nanoTime();
            balancer.route(second.port());
            for (ClientAgent.Client client : sockets) {
                var resumed = client.awaitEvent("$connect", WAIT).arg();
                assertThat(resumed.get("recovered").asBoolean()).as("%s recovered", client.socketId()).isTrue();
            }
            long allBack = System.nanoTime();
            sleep(3000);
            publishing.set(false);
            publisher.join();

            for (int i = 0; i < clients; i++) {
                ClientAgent.Client client = sockets.get(i);
                int last = version.get(listingIds.get(i % listings)).get();
                awaitVersion(client, last);
                List<Long> seen = versions(client);
                assertThat(seen).as("%s: every version of its listing once, in order", user(i))
                        .isEqualTo(range(seen.get(0), last));
                assertThat(seen.get(0)).as("from the first change after it subscribed").isLessThanOrEqualTo(3L);
            }
            for (int i = 0; i < recipients; i++) {
                ClientAgent.Client client = sockets.get(i);
                Set<String> expected = sentTo.getOrDefault(user(i), Set.of());
                Awaitility.await().atMost(WAIT).until(() -> messageIds(client).containsAll(expected));
                List<String> received = messageIds(client);
                assertThat(received).as("%s: each message once", user(i)).doesNotHaveDuplicates();
                assertThat(new TreeSet<>(received)).isEqualTo(new TreeSet<>(expected));
            }
            System.out.printf("gateway killed under load: %d clients resumed on the other gateway within %d ms,"
                            + " %d listing versions and %d messages delivered, none missed, none twice%n", clients,
                    (allBack - killed) / 1_000_000, version.values().stream().mapToInt(AtomicInteger::get).sum(),
                    sentTo.values().stream().mapToInt(Set::size).sum());
            sockets.forEach(ClientAgent.Client::disconnect);
        } finally {
            second.close();
        }
    }

    @Test
    void onceTheWindowHasPassedTheClientGetsAFreshSession() {
        ServiceProcess gateway = stack.gatewayWith("recovery-short-window", E2eStack.serviceJvmOptions(),
                Map.of("TICKETING_SOCKETIO_RECOVERY_WINDOW", "1s", "TICKETING_SOCKETIO_RECOVERY_REFRESH", "1s"));
        String listingId = "lst-window-" + RUN;
        marketplace.listingCreated(listingId, "sam", 4, "100.00");
        try (LoadBalancer balancer = new LoadBalancer(gateway.port())) {
            ClientAgent.Client client = agent.connect("rc-late", balancer.url(), stack.token("rc-late"),
                    List.of("websocket"), true);
            assertThat(client.emitWithAck("subscribe:listing", listingId).get("ok").asBoolean()).isTrue();
            marketplace.priceChanged(listingId, "90.00");
            awaitVersion(client, 2);
            balancer.route(1); // nothing listens there: the client cannot get back for a while
            client.cut();
            sleep(4000);
            balancer.route(gateway.port());

            var resumed = client.awaitEvent("$connect", WAIT).arg();
            assertThat(resumed.get("recovered").asBoolean()).isFalse();
            marketplace.priceChanged(listingId, "80.00");
            sleep(1000);
            // v1 may or may not have come after the subscription; v3 came after the fresh session began.
            assertThat(versions(client)).as("a fresh session follows nothing").doesNotContain(3L).contains(2L);
            client.disconnect();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            gateway.close();
        }
    }

    @Test
    void anEventWrittenTwiceReachesAResumedSocketOnce() throws Exception {
        String receiver = "rc-twice-" + RUN;
        String sender = "rc-twice-sender-" + RUN;
        int port = java.net.URI.create(stack.gateway(0)).getPort();
        try (LoadBalancer balancer = new LoadBalancer(port)) {
            ClientAgent.Client client = agent.connect(receiver, balancer.url(), stack.token(receiver),
                    List.of("websocket"), true);
            CloudEvent<MessageSent> before = messageSent(sender, receiver, "before the cut");
            marketplace.writeRepeatedly(before, 1);
            Awaitility.await().atMost(WAIT).until(() -> messageIds(client).contains(before.data().message().id()));

            balancer.route(1); // nothing listens there: the client stays away while the records come
            client.cut();
            CloudEvent<MessageSent> during = messageSent(sender, receiver, "while away");
            marketplace.writeRepeatedly(during, 2); // an outbox relay that retried a batch
            marketplace.writeRepeatedly(before, 1); // a redelivered command re-queues its message.sent under its id
            sleep(1500); // the gateway reads all three before the client is back, so they come through the replay
            balancer.route(port);

            var resumed = client.awaitEvent("$connect", WAIT).arg();
            assertThat(resumed.get("recovered").asBoolean()).isTrue();
            Awaitility.await().atMost(WAIT).until(() -> messageIds(client).contains(during.data().message().id()));
            sleep(500); // a second copy would follow the first at once
            assertThat(messageIds(client)).as("each message once, live or replayed")
                    .containsExactly(before.data().message().id(), during.data().message().id());
            client.disconnect();
        }
    }

    private static CloudEvent<MessageSent> messageSent(String sender, String receiver, String content) {
        java.time.Instant now = java.time.Instant.now();
        MessageView message = new MessageView(UUID.randomUUID().toString(), sender, receiver, content, null, null,
                false, now, now);
        return CloudEvent.of(EventTypes.MESSAGE_SENT, "/message-service", ConversationKey.of(sender, receiver),
                new MessageSent(message, null));
    }

    /**
     * A reconnecting client follows a new listing, gets its second version, loses its transport while
     * five more changes are published, and comes back: resumed, with every version once and in order.
     */
    private static ClientAgent.Client cutWhileFivePricesChange(String gateway, String name, String listingId) {
        marketplace.listingCreated(listingId, "sam", 4, "100.00");
        ClientAgent.Client watcher = agent.connect(name, gateway, stack.token(name), List.of("websocket"), true);
        assertThat(watcher.emitWithAck("subscribe:listing", listingId).get("ok").asBoolean()).isTrue();
        marketplace.priceChanged(listingId, "99.00");
        awaitVersion(watcher, 2);

        watcher.cut();
        for (int cents = 98; cents >= 94; cents--) {
            marketplace.priceChanged(listingId, cents + ".00");
        }

        var resumed = watcher.awaitEvent("$connect", WAIT).arg();
        assertThat(resumed.get("recovered").asBoolean()).as("socket.recovered").isTrue();
        awaitVersion(watcher, 7);
        List<Long> seen = versions(watcher);
        assertThat(seen).as("every version once, in order").isEqualTo(range(seen.get(0), 7));
        assertThat(seen.get(0)).as("v1 may arrive after the subscription").isLessThanOrEqualTo(2L);
        return watcher;
    }

    private static String user(int i) {
        return "rc-" + RUN + "-" + i;
    }

    private static void awaitVersion(ClientAgent.Client client, long version) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> versions(client).contains(version));
    }

    private static List<Long> versions(ClientAgent.Client client) {
        return client.receivedSoFar("listing:updated").stream().map(r -> r.arg().get("version").asLong()).toList();
    }

    private static List<String> messageIds(ClientAgent.Client client) {
        return client.receivedSoFar("message:received").stream().map(r -> r.arg().get("id").asString()).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
