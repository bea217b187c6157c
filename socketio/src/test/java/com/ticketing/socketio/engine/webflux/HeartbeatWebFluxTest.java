package com.ticketing.socketio.engine.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.testing.PollingClient;
import com.ticketing.socketio.engine.testing.RecordingHandler;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import com.ticketing.socketio.engine.testing.WebSocketClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatWebFluxTest {

    static final Duration PING_INTERVAL = Duration.ofMillis(300);
    static final Duration PING_TIMEOUT = Duration.ofMillis(200);

    TestEngineServer server;
    PollingClient polling;
    RecordingHandler handler;

    @BeforeEach
    void start() {
        server = new TestEngineServer(EngineIoOptions.defaults().withHeartbeat(PING_INTERVAL, PING_TIMEOUT));
        polling = new PollingClient(server);
        handler = server.handler();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A server that pings as often but waits long for the pong: this test client may be slow to answer. */
    private static TestEngineServer patientServer() {
        return new TestEngineServer(EngineIoOptions.defaults().withHeartbeat(PING_INTERVAL, Duration.ofSeconds(10)));
    }

    @Test
    void pollingClientThatPongsStaysOpenOverSeveralPings() {
        try (TestEngineServer patient = patientServer()) {
            PollingClient client = new PollingClient(patient);
            String sid = client.handshake();
            EngineSocket socket = patient.handler().assertNextOpen();

            for (int i = 0; i < 3; i++) {
                assertThat(client.poll(sid).body()).isEqualTo("2");
                assertThat(client.push(sid, "3").statusCode()).isEqualTo(200);
            }

            assertThat(socket.isOpen()).isTrue();
        }
    }

    @Test
    void pollingClientThatNeverPongsIsClosedForPingTimeout() {
        String sid = polling.handshake();
        handler.assertNextOpen();
        long start = System.nanoTime();

        handler.assertNextClose(DisconnectReason.PING_TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
                PING_INTERVAL.plus(PING_TIMEOUT).minusMillis(50));
        assertThat(polling.poll(sid).statusCode()).isEqualTo(400);
        assertThat(handler.closeCount(sid)).isEqualTo(1);
        assertThat(server.engine().sessionCount()).isZero();
    }

    @Test
    void pollingSessionWhoseClientStopsPollingIsGoneOncePingIntervalPlusTimeoutHasPassed() {
        String sid = polling.handshake();
        handler.assertNextOpen();
        long opened = System.nanoTime();
        long deadline = PING_INTERVAL.plus(PING_TIMEOUT).toNanos();

        // the client neither polls nor pongs; its first request after the deadline finds no session
        await().pollDelay(PING_INTERVAL.plus(PING_TIMEOUT)).until(() -> System.nanoTime() - opened >= deadline);

        assertThat(polling.poll(sid).statusCode()).isEqualTo(400);
        handler.assertNextClose(DisconnectReason.PING_TIMEOUT);
    }

    @Test
    void webSocketClientThatPongsStaysOpen() {
        try (TestEngineServer patient = patientServer();
             WebSocketClient ws = WebSocketClient.connect(patient.webSocketUri("EIO=4&transport=websocket"))) {
            ws.nextText();
            EngineSocket socket = patient.handler().assertNextOpen();

            for (int i = 0; i < 3; i++) {
                assertThat(ws.nextText()).isEqualTo("2");
                ws.send("3");
            }

            assertThat(socket.isOpen()).isTrue();
        }
    }

    @Test
    void webSocketClientThatNeverPongsIsClosedForPingTimeout() {
        try (WebSocketClient ws = WebSocketClient.connect(server.webSocketUri("EIO=4&transport=websocket"))) {
            ws.nextText();
            EngineSocket socket = handler.assertNextOpen();

            assertThat(ws.nextText()).isEqualTo("2");
            assertThat(ws.nextClose().status()).isIn(1000, 1005);
            handler.assertNextClose(DisconnectReason.PING_TIMEOUT);
            await().until(() -> handler.closeCount(socket.id()) == 1);
            assertThat(handler.closeCount(socket.id())).isEqualTo(1);
        }
    }
}
