package com.ticketing.socketio.engine.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.testing.PollingClient;
import com.ticketing.socketio.engine.testing.RecordingHandler;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import com.ticketing.socketio.engine.testing.WebSocketClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpgradeWebFluxTest {

    TestEngineServer server;
    PollingClient polling;
    RecordingHandler handler;
    String sid;
    EngineSocket socket;

    @BeforeEach
    void openPollingSession() {
        server = new TestEngineServer(EngineIoOptions.defaults()
                .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20))
                .withUpgradeTimeout(Duration.ofMillis(300)));
        polling = new PollingClient(server);
        handler = server.handler();
        sid = polling.handshake();
        socket = handler.assertNextOpen();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSocketClient probe() {
        return WebSocketClient.connect(server.webSocketUri("EIO=4&transport=websocket&sid=" + sid));
    }

    @Test
    void probeIsAnsweredAndPendingPollEndsWithNoopSoTheClientCanPause() {
        CompletableFuture<HttpResponse<String>> pending = polling.pollAsync(sid);
        await().until(() -> server.engine().session(sid).hasPendingPoll());

        try (WebSocketClient ws = probe()) {
            ws.send("2probe");

            assertThat(ws.nextText()).isEqualTo("3probe");
            assertThat(pending.join().body()).isEqualTo("6");
        }
    }

    @Test
    void upgradeMovesSessionToWebSocketWithQueuedMessages() {
        try (WebSocketClient ws = probe()) {
            ws.send("2probe");
            assertThat(ws.nextText()).isEqualTo("3probe");
            socket.send(EngineMessage.text("queued during upgrade"));

            ws.send("5");

            assertThat(ws.nextText()).isEqualTo("4queued during upgrade");
            assertThat(socket.transportName()).isEqualTo("websocket");
            ws.send("4hello");
            handler.assertNextText("hello");
            assertThat(ws.nextText()).isEqualTo("4hello");
        }
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(handler.closeCount(sid)).isEqualTo(1);
    }

    @Test
    void pollingIsRefusedAfterUpgrade() {
        try (WebSocketClient ws = probe()) {
            ws.send("2probe");
            ws.nextText();
            ws.send("5");
            await().until(() -> "websocket".equals(socket.transportName()));

            HttpResponse<String> poll = polling.poll(sid);
            HttpResponse<String> post = polling.push(sid, "4late");

            HandshakeWebFluxTest.assertError(poll, 400, 3, "Bad request");
            HandshakeWebFluxTest.assertError(post, 400, 3, "Bad request");
            assertThat(socket.isOpen()).isTrue();
        }
    }

    @Test
    void secondWebSocketForUpgradedSessionIsClosed() {
        try (WebSocketClient ws = probe()) {
            ws.send("2probe");
            ws.nextText();
            ws.send("5");
            await().until(() -> "websocket".equals(socket.transportName()));

            try (WebSocketClient intruder = probe()) {
                assertThat(intruder.nextClose().status()).isIn(1000, 1005);
            }
            assertThat(socket.isOpen()).isTrue();
        }
    }

    @Test
    void upgradeTimeoutClosesOnlyTheProbingWebSocket() {
        try (WebSocketClient ws = probe()) {
            ws.send("2probe");
            assertThat(ws.nextText()).isEqualTo("3probe");

            assertThat(ws.nextClose().status()).isIn(1000, 1005);
        }
        assertThat(socket.isOpen()).isTrue();
        assertThat(socket.transportName()).isEqualTo("polling");
        polling.push(sid, "4still polling");
        handler.assertNextText("still polling");
        assertThat(polling.poll(sid).body()).isEqualTo("4still polling");
    }

    @Test
    void unexpectedPacketDuringProbeAbortsOnlyTheUpgrade() {
        try (WebSocketClient ws = probe()) {
            ws.send("4too early");

            assertThat(ws.nextClose().status()).isIn(1000, 1005);
        }
        assertThat(socket.isOpen()).isTrue();
        handler.assertNoMoreEvents();
    }

    @Test
    void closingSessionDuringProbeClosesTheProbeToo() {
        try (WebSocketClient ws = probe()) {
            ws.send("2probe");
            ws.nextText();

            socket.close(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);

            assertThat(ws.nextClose().status()).isIn(1000, 1005);
            handler.assertNextClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        }
    }

    @Test
    void pollsWhileAProbeIsPendingAreAnsweredWithANoopAtMostEvery100Ms() {
        try (TestEngineServer patient = new TestEngineServer(EngineIoOptions.defaults()
                .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20))
                .withUpgradeTimeout(Duration.ofSeconds(10)))) {
            PollingClient client = new PollingClient(patient);
            String id = client.handshake();
            try (WebSocketClient ws = WebSocketClient.connect(
                    patient.webSocketUri("EIO=4&transport=websocket&sid=" + id))) {
                for (int probe = 0; probe < 3; probe++) { // a repeated probe ping starts no second noop timer
                    ws.send("2probe");
                    assertThat(ws.nextText()).isEqualTo("3probe");
                }

                // a client that keeps polling instead of pausing
                long started = System.nanoTime();
                int polls = 0;
                while (System.nanoTime() - started < Duration.ofMillis(500).toNanos()) {
                    assertThat(client.poll(id).body()).isEqualTo("6");
                    polls++;
                }
                long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

                System.out.printf("%d polls answered in %d ms during the probe%n", polls, elapsedMillis);
                assertThat(polls).isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
            }
        }
    }

    @Test
    void packetsWaitingOnPollingArriveOverTheWebSocketInOrder() {
        for (int i = 0; i < 3; i++) {
            socket.send(EngineMessage.text("m" + i));
        }
        try (WebSocketClient ws = probe()) {
            ws.send("2probe");
            assertThat(ws.nextText()).isEqualTo("3probe");
            ws.send("5");

            assertThat(ws.nextText()).isEqualTo("4m0");
            assertThat(ws.nextText()).isEqualTo("4m1");
            assertThat(ws.nextText()).isEqualTo("4m2");
        }
    }

    @Test
    void probeIsRefusedWhenUpgradesAreNotAllowed() {
        EngineIoOptions defaults = EngineIoOptions.defaults();
        try (TestEngineServer noUpgrades = new TestEngineServer(new EngineIoOptions(defaults.pingInterval(),
                defaults.pingTimeout(), defaults.upgradeTimeout(), defaults.maxPayload(), defaults.transports(),
                false, defaults.cors(), defaults.maxOutboundPackets(), defaults.maxOutboundBytes()))) {
            PollingClient client = new PollingClient(noUpgrades);
            assertThat(client.openPacket().get("upgrades")).isEmpty();
            String id = client.handshake();

            try (WebSocketClient ws = WebSocketClient.connect(
                    noUpgrades.webSocketUri("EIO=4&transport=websocket&sid=" + id))) {
                // closed as soon as it connects: it may not even get to send its probe
                assertThat(ws.next()).isInstanceOf(WebSocketClient.Closed.class);
            }
            assertThat(noUpgrades.engine().session(id).transportName()).isEqualTo("polling");
        }
    }
}
