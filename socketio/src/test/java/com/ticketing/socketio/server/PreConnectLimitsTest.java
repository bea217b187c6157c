package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.server.SocketIoOptions.InboundLimits;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a session may send before its first CONNECT succeeded, and how long a packet may wait for its attachments. */
class PreConnectLimitsTest {

    private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults()
            .withConnectTimeout(Duration.ofMillis(400))
            .withInboundLimits(new InboundLimits(1_000_000, Duration.ofMillis(300), 16 * 1024, 50, java.util.Set.of())));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void binaryPacketHeaderBeforeConnectClosesTheSession() {
        server.namespace("/");
        FakeEngineSocket engine = FakeEngineSocket.open(server);

        engine.clientSends("51-[\"file\",{\"_placeholder\":true,\"num\":0}]");

        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void binaryMessageBeforeConnectClosesTheSession() {
        server.namespace("/");
        FakeEngineSocket engine = FakeEngineSocket.open(server);

        engine.clientSendsBinary("raw");

        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void messageAbove16KilobytesBeforeConnectClosesTheSession() {
        server.namespace("/");
        FakeEngineSocket engine = FakeEngineSocket.open(server);

        engine.clientSends("0{\"token\":\"" + "x".repeat(16 * 1024) + "\"}");

        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void multibyteCharactersCountAsTheirUtf8Bytes() {
        server.namespace("/");
        FakeEngineSocket engine = FakeEngineSocket.open(server);

        engine.clientSends("0{\"token\":\"" + "€".repeat(6_000) + "\"}"); // 6,000 chars, 18,000 bytes

        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void afterConnectLargeAndBinaryPacketsAreFine() {
        server.namespace("/").onConnection(socket -> socket.on("file", (args, ack) -> ack.send("got")));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");

        engine.clientSends("51-1[\"file\",{\"_placeholder\":true,\"num\":0},\"" + "x".repeat(20_000) + "\"]");
        engine.clientSendsBinary("raw");

        assertThat(engine.nextText()).isEqualTo("31[\"got\"]");
        assertThat(engine.closedWith()).isNull();
    }

    @Test
    void attachmentsThatDoNotArriveInTimeCloseTheSession() {
        server.namespace("/");
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");

        engine.clientSends("52-[\"file\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        engine.clientSendsBinary("only one");

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.closedWith() != null);
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void aConnectionLeftInNoNamespaceIsHeldToTheConnectTimeoutAgain() {
        server.namespace("/");
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");

        engine.clientSends("1"); // DISCONNECT from "/": the session stays, in no namespace

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.closedWith() != null);
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.CONNECT_TIMEOUT);
    }

    @Test
    void aClientAddressMayHoldAtMost50SessionsThatHaveNotConnected() {
        server.namespace("/");
        java.util.List<FakeEngineSocket> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            assertThat(server.admits(FakeEngineSocket.HANDSHAKE)).isTrue();
            waiting.add(FakeEngineSocket.open(server));
        }

        assertThat(server.admits(FakeEngineSocket.HANDSHAKE)).as("the 51st").isFalse();

        waiting.get(0).connect("/");
        assertThat(server.admits(FakeEngineSocket.HANDSHAKE)).as("one of them connected").isTrue();
        waiting.get(1).engineCloses(DisconnectReason.TRANSPORT_CLOSE);
        waiting.get(2).engineCloses(DisconnectReason.TRANSPORT_CLOSE);
        FakeEngineSocket.open(server);
        FakeEngineSocket.open(server);
        assertThat(server.admits(FakeEngineSocket.HANDSHAKE)).isTrue();
        FakeEngineSocket.open(server);
        assertThat(server.admits(FakeEngineSocket.HANDSHAKE)).isFalse();
    }
}
