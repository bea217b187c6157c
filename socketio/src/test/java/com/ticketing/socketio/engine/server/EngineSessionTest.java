package com.ticketing.socketio.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.testing.RecordingHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
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

    private EngineSession openPolling() {
        server.openPolling(HANDSHAKE, ImmediateEventExecutor.INSTANCE);
        return (EngineSession) handler.assertNextOpen();
    }

    /** A poll that records what answered it. */
    private static final class RecordingPoll implements PollResponder {
        final List<String> answers = new ArrayList<>();
        EngineIoError refusal;

        @Override
        public void respond(String payload) {
            answers.add(payload);
        }

        @Override
        public void refuse(EngineIoError error) {
            refusal = error;
        }
    }

    @Test
    void openPacketIsTheFirstWebSocketFrame() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSession session = openWebSocket(link);

        assertThat(link.texts().get(0)).isEqualTo("0{\"sid\":\"" + session.id()
                + "\",\"upgrades\":[],\"pingInterval\":20000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
    }

    @Test
    void broadcastWritesTheSameEncodedFrameToEverySession() {
        FakeWebSocketLink a = new FakeWebSocketLink();
        FakeWebSocketLink b = new FakeWebSocketLink();
        EngineSocket first = openWebSocket(a);
        EngineSocket second = openWebSocket(b);
        EngineMessage message = EngineMessage.text("hello");

        first.send(message);
        second.send(message);

        assertThat(a.flushed.get(1)).isSameAs(b.flushed.get(1)).isSameAs(message);
        assertThat(FakeWebSocketLink.frameText(message)).isEqualTo("4hello");
    }

    @Test
    void aPacketAndItsAttachmentsAreWrittenTogetherAndFlushedOnce() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        int flushesBefore = link.flushes;

        session.send(List.of(EngineMessage.text("51-[\"file\",{\"_placeholder\":true,\"num\":0}]"),
                EngineMessage.binary(new byte[] {1, 2, 3})));

        assertThat(link.flushed).hasSize(3);
        assertThat(link.flushes).isEqualTo(flushesBefore + 1);
    }

    @Test
    void packetsSentWhileDrainsAreHeldShareOneFlushPerConnection() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        int flushesBefore = link.flushes;

        try (EngineIoServer.DrainScope oneKafkaPoll = server.holdDrains()) {
            session.send(EngineMessage.text("listing:updated"));
            session.send(EngineMessage.text("listing:price_changed"));
            assertThat(link.flushes).isEqualTo(flushesBefore);
        }

        assertThat(link.flushes).isEqualTo(flushesBefore + 1);
        assertThat(link.texts()).endsWith("4listing:updated", "4listing:price_changed");
    }

    @Test
    void packetsWaitWhileTheConnectionIsNotWritableAndGoOutInOrderWhenItIs() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        link.writable = false;

        session.send(EngineMessage.text("a"));
        session.send(EngineMessage.text("b"));
        assertThat(link.texts()).containsExactly(link.texts().get(0));

        link.becomeWritable();

        assertThat(link.texts()).endsWith("4a", "4b");
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void whatWaitsForADrainRunsOnceTheConnectionTookEverythingAndCanTakeMore() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        List<String> ran = new ArrayList<>();
        session.whenDrained(() -> ran.add("idle"));
        assertThat(ran).containsExactly("idle");

        link.writable = false;
        session.send(EngineMessage.text("a"));
        session.whenDrained(() -> ran.add("after a"));
        assertThat(ran).containsExactly("idle");

        link.becomeWritable();
        assertThat(link.texts()).endsWith("4a");
        assertThat(ran).containsExactly("idle", "after a");
    }

    @Test
    void whatWaitsForADrainOfAPollingSessionRunsOnceAPollTookThePackets() {
        EngineSession session = openPolling();
        List<String> ran = new ArrayList<>();
        session.send(EngineMessage.text("a"));
        session.whenDrained(() -> ran.add("polled"));
        assertThat(ran).isEmpty();

        RecordingPoll poll = new RecordingPoll();
        session.attachPoll(poll);
        assertThat(poll.answers).containsExactly("4a");
        assertThat(ran).containsExactly("polled");
    }

    @Test
    void whatWaitsForADrainNeverRunsOnceTheSessionClosed() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        List<String> ran = new ArrayList<>();
        link.writable = false;
        session.send(EngineMessage.text("a"));
        session.whenDrained(() -> ran.add("drained"));

        session.close(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        link.becomeWritable();
        session.whenDrained(() -> ran.add("too late"));

        assertThat(ran).isEmpty();
    }

    @Test
    void clientThatStopsReadingIsDroppedAtOnceWithTransportError() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        link.pendingBytes = 1_001; // what the network has not taken yet counts against the limit

        assertThat(session.send(EngineMessage.text("x"))).isFalse();

        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
        assertThat(link.aborted).isTrue();
        assertThat(link.closed).as("no close frame behind a backlog the client does not read").isFalse();
        assertThat(session.isOpen()).isFalse();
    }

    @Test
    void webSocketBeyondThePacketLimitIsDroppedWithTransportError() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        link.writable = false;

        for (int i = 0; i < 3; i++) {
            assertThat(session.send(EngineMessage.text("m" + i))).isTrue();
        }
        assertThat(session.send(EngineMessage.text("m3"))).isFalse();

        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
        assertThat(link.aborted).isTrue();
    }

    @Test
    void pollingQueueBeyondLimitClosesWithTransportError() {
        EngineSocket session = openPolling();

        for (int i = 0; i < 3; i++) {
            assertThat(session.send(EngineMessage.text("m" + i))).isTrue();
        }
        session.send(EngineMessage.text("m3"));

        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
        assertThat(server.session(session.id())).isNull();
    }

    @Test
    void onePacketLargerThanTheLimitStillGoesOutButNothingMayWaitBehindIt() {
        EngineSocket session = openPolling();

        assertThat(session.send(EngineMessage.text("x".repeat(1_000)))).isTrue();
        session.send(EngineMessage.text("more"));

        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
    }

    @Test
    void aPacketAndItsAttachmentsAnswerAWaitingPollTogether() {
        EngineSession session = openPolling();
        RecordingPoll poll = new RecordingPoll();
        session.attachPoll(poll);

        session.send(List.of(EngineMessage.text("51-[\"file\",{\"_placeholder\":true,\"num\":0}]"),
                EngineMessage.binary(new byte[] {1, 2, 3})));

        assertThat(poll.answers).containsExactly("451-[\"file\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID");
    }

    @Test
    void secondPendingPollIsRefusedAndClosesTheSession() {
        EngineSession session = openPolling();
        RecordingPoll first = new RecordingPoll();
        RecordingPoll second = new RecordingPoll();
        session.attachPoll(first);

        session.attachPoll(second);

        assertThat(second.refusal).isEqualTo(EngineIoError.BAD_REQUEST);
        assertThat(first.answers).containsExactly("1");
        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
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
    void gracefulCloseWritesWhatWasSentFirstAndClosesTheLinkOnce() {
        FakeWebSocketLink link = new FakeWebSocketLink();
        EngineSocket session = openWebSocket(link);
        link.writable = false;
        session.send(EngineMessage.text("last words"));

        session.close(DisconnectReason.FORCED_CLOSE);

        handler.assertNextClose(DisconnectReason.FORCED_CLOSE);
        assertThat(link.texts()).endsWith("4last words");
        assertThat(link.closed).isTrue();
        assertThat(link.aborted).isFalse();
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
