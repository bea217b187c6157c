package com.ticketing.socketio.engine.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.testing.PollingClient;
import com.ticketing.socketio.engine.testing.RecordingHandler;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import com.ticketing.socketio.engine.testing.WebSocketClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebSocketWebFluxTest {

    static final int MAX_PAYLOAD = 100_000;
    TestEngineServer server;
    RecordingHandler handler;

    @BeforeEach
    void start() {
        server = new TestEngineServer(EngineIoOptions.defaults()
                .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20)).withMaxPayload(MAX_PAYLOAD));
        handler = server.handler();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSocketClient open() {
        return WebSocketClient.connect(server.webSocketUri("EIO=4&transport=websocket"));
    }

    @Test
    void directWebSocketGetsOpenPacketAsFirstFrameWithoutUpgrades() {
        try (WebSocketClient ws = open()) {
            String first = ws.nextText();

            assertThat(first).startsWith("0");
            JsonNode open = PollingClient.json(first.substring(1));
            assertThat(open.get("upgrades").size()).isZero();
            assertThat(open.get("pingInterval").asInt()).isEqualTo(20_000);
            assertThat(open.get("maxPayload").asInt()).isEqualTo(MAX_PAYLOAD);
            EngineSocket socket = handler.assertNextOpen();
            assertThat(socket.id()).isEqualTo(open.get("sid").asString());
            assertThat(socket.transportName()).isEqualTo("websocket");
            assertThat(socket.handshake().query()).containsEntry("EIO", "4");
            assertThat(socket.handshake().remoteAddress()).isNotNull();
        }
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
    }

    @Test
    void textFrameIsMessageAndEchoComesBackAsTextFrame() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            handler.assertNextOpen();

            ws.send("4hello");

            handler.assertNextText("hello");
            assertThat(ws.nextText()).isEqualTo("4hello");
        }
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
    }

    @Test
    void binaryFrameIsBinaryMessageWithoutPrefix() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            handler.assertNextOpen();

            ws.send(new byte[] {1, 2, 3, 4});

            handler.assertNextBinary(new byte[] {1, 2, 3, 4});
            assertThat(ws.nextBinary()).containsExactly(1, 2, 3, 4);
        }
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
    }

    @Test
    void messageUpToMaxPayloadIsAccepted() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            handler.assertNextOpen();
            String big = "x".repeat(MAX_PAYLOAD - 1);

            ws.send("4" + big);

            handler.assertNextText(big);
            assertThat(ws.nextText()).hasSize(MAX_PAYLOAD);
        }
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
    }

    @Test
    void frameAboveMaxPayloadClosesWith1009AndSessionOnce() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            EngineSocket socket = handler.assertNextOpen();

            ws.send("4" + "x".repeat(MAX_PAYLOAD + 10));

            handler.assertNextClose(DisconnectReason.PAYLOAD_TOO_LARGE);
            // 1009 for one frame too big; the JDK client fragments, and an oversized message is 1002
            assertThat(ws.nextClose().status()).isIn(1009, 1002);
            assertThat(handler.closeCount(socket.id())).isEqualTo(1);
            assertThat(socket.isOpen()).isFalse();
        }
    }

    @Test
    void clientCloseEndsSessionWithTransportClose() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            EngineSocket socket = handler.assertNextOpen();

            ws.closeNormally();

            handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
            assertThat(server.engine().session(socket.id())).isNull();
        }
    }

    @Test
    void closeFromAboveSendsQueuedFramesThenNormalClose() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            EngineSocket socket = handler.assertNextOpen();

            socket.send(EngineMessage.text("bye"));
            socket.close(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);

            assertThat(ws.nextText()).isEqualTo("4bye");
            assertThat(ws.nextClose().status()).isEqualTo(1000);
            handler.assertNextClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
            handler.assertNoMoreEvents();
        }
    }

    @Test
    void closePacketFromClientEndsSession() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            handler.assertNextOpen();

            ws.send("1");

            handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
            // a normal close, with status 1000 or without status (1005)
            assertThat(ws.nextClose().status()).isIn(1000, 1005);
        }
    }

    @Test
    void malformedFrameClosesSessionWithParseError() {
        try (WebSocketClient ws = open()) {
            ws.nextText();
            handler.assertNextOpen();

            ws.send("9");

            handler.assertNextClose(DisconnectReason.PARSE_ERROR);
        }
    }

    @Test
    void upgradeWithBadProtocolVersionIsRefusedBeforeUpgrading() {
        Throwable failure = WebSocketClient.connectFailure(server.webSocketUri("EIO=3&transport=websocket"));

        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(400);
    }

    @Test
    void upgradeWithUnknownSidIsRefused() {
        Throwable failure = WebSocketClient.connectFailure(server.webSocketUri("EIO=4&transport=websocket&sid=nope"));

        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void broadcastMessageIsSentToEverySessionFromOneEncoding() {
        try (WebSocketClient a = open(); WebSocketClient b = open()) {
            a.nextText();
            b.nextText();
            EngineSocket first = handler.assertNextOpen();
            EngineSocket second = handler.assertNextOpen();
            EngineMessage shared = EngineMessage.text("{\"event\":\"listing:updated\"}");

            first.send(shared);
            second.send(shared);

            assertThat(a.nextText()).isEqualTo("4{\"event\":\"listing:updated\"}");
            assertThat(b.nextText()).isEqualTo("4{\"event\":\"listing:updated\"}");
        }
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
    }
}
