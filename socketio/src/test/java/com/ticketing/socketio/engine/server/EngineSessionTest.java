package com.ticketing.socketio.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.testing.RecordingHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineSessionTest {

    static final HandshakeData HANDSHAKE = new HandshakeData(Map.of("EIO", "4"), Map.of(), null);

    final RecordingHandler handler = new RecordingHandler(false);
    final EngineIoServer server = new EngineIoServer(EngineIoOptions.defaults()
            .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20)).withOutboundLimits(3, 1_000), handler);

    @AfterEach
    void stop() {
        server.close();
    }

    private EngineSession openWebSocket(FakeWebSocketLink link) {
        EngineSession session = server.openWebSocket(HANDSHAKE, link);
        handler.assertNextOpen();
        return session;
    }

    @Test
    void openPacketIsTheFirstWebSocketFrame() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSession session = openWebSocket(link);

        assertThat(new String(link.frames.get(0))).isEqualTo("0{\"sid\":\"" + session.id()
                + "\",\"upgrades\":[],\"pingInterval\":20000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
    }

    @Test
    void broadcastSendsTheSameEncodedBytesToEverySession() {
        FakeWebSocketLink a = new FakeWebSocketLink();
        FakeWebSocketLink b = new FakeWebSocketLink();
        EngineSocket first = openWebSocket(a);
        EngineSocket second = openWebSocket(b);
        EngineMessage message = EngineMessage.text("hello");

        first.send(message);
        second.send(message);

        assertThat(a.frames.get(1)).isSameAs(b.frames.get(1)).isSameAs(message.webSocketTextFrame());
    }

    @Test
    void binaryMessageIsSentAsItsOwnArray() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        byte[] data = {1, 2, 3};

        session.send(EngineMessage.binary(data));

        assertThat(link.frames.get(1)).isSameAs(data);
    }

    @Test
    void slowWebSocketBeyondPacketLimitClosesWithOutboundOverflow() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        link.backlog = 3;

        assertThat(session.send(EngineMessage.text("one too many"))).isFalse();

        handler.assertNextClose(DisconnectReason.OUTBOUND_OVERFLOW);
        assertThat(link.closed).isTrue();
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void pollingQueueBeyondLimitClosesWithOutboundOverflow() {
        server.openPolling(HANDSHAKE);
        EngineSocket session = handler.assertNextOpen();

        for (int i = 0; i < 3; i++) {
            assertThat(session.send(EngineMessage.text("m" + i))).isTrue();
        }
        assertThat(session.send(EngineMessage.text("m3"))).isFalse();

        handler.assertNextClose(DisconnectReason.OUTBOUND_OVERFLOW);
        assertThat(server.session(session.id())).isNull();
    }

    @Test
    void aPacketAndItsAttachmentsAnswerAWaitingPollTogether() {
        server.openPolling(HANDSHAKE);
        EngineSession session = (EngineSession) handler.assertNextOpen();
        List<String> answers = new ArrayList<>();
        assertThat(session.attachPoll(answers::add)).isTrue();

        session.send(List.of(EngineMessage.text("51-[\"file\",{\"_placeholder\":true,\"num\":0}]"),
                EngineMessage.binary(new byte[] {1, 2, 3})));

        assertThat(answers).containsExactly("451-[\"file\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
    }

    @Test
    void pollingQueueBeyondByteLimitClosesWithOutboundOverflow() {
        server.openPolling(HANDSHAKE);
        EngineSocket session = handler.assertNextOpen();

        assertThat(session.send(EngineMessage.text("x".repeat(1_000)))).isFalse();

        handler.assertNextClose(DisconnectReason.OUTBOUND_OVERFLOW);
    }

    @Test
    void concurrentClosesCallOnCloseExactlyOnce() throws Exception {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSession session = openWebSocket(link);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<DisconnectReason> reasons = List.of(DisconnectReason.FORCED_CLOSE, DisconnectReason.TRANSPORT_ERROR,
                DisconnectReason.PING_TIMEOUT, DisconnectReason.TRANSPORT_CLOSE);
        try {
            for (DisconnectReason reason : reasons) {
                pool.submit(() -> {
                    go.await();
                    session.onWebSocketClosed(link, reason);
                    return null;
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(handler.next().kind()).isEqualTo("close");
        assertThat(handler.closeCount(session.id())).isEqualTo(1);
        assertThat(server.sessionCount()).isZero();
        handler.assertNoMoreEvents();
    }

    @Test
    void handlerCallsOfOneSessionNeverOverlapAndKeepWireOrder() throws Exception {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSession session = openWebSocket(link);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // two transports delivering at once, as during an upgrade
            pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    session.onWebSocketText(link, "4a" + i);
                }
            });
            pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    session.onWebSocketText(link, "4b" + i);
                }
            });
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }

        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String text = handler.next().text();
            (text.startsWith("a") ? a : b).add(text);
        }
        assertThat(handler.callsOverlapped()).isFalse();
        assertThat(a).isSortedAccordingTo((x, y) -> Integer.compare(Integer.parseInt(x.substring(1)),
                Integer.parseInt(y.substring(1))));
    }

    @Test
    void sessionIdIsTwentyUrlSafeCharacters() {
        EngineSession session = openWebSocket(new FakeWebSocketLink());

        assertThat(session.id()).hasSize(20).matches("[A-Za-z0-9_-]{20}");
    }

    @Test
    void shutdownClosesSessionsWithServerShuttingDown() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        openWebSocket(link);

        server.close();

        handler.assertNextClose(DisconnectReason.SERVER_SHUTTING_DOWN);
        assertThat(link.closed).isTrue();
        assertThat(server.sessionCount()).isZero();
    }
}
