package com.ticketing.socketio.engine.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.testing.RawWebSocket;
import com.ticketing.socketio.engine.testing.RawWebSocket.Frame;
import com.ticketing.socketio.engine.testing.RawWebSocket.Tally;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write path of a WebSocket session, seen on the wire by a raw client: order whatever thread
 * sends, a client that stops reading, and the close frame.
 */
class OutboundWebFluxTest {

    static final int OUTBOUND_LIMIT = 256 * 1024;
    final TestEngineServer server = new TestEngineServer(EngineIoOptions.defaults()
            .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20))
            .withOutboundLimits(100_000, OUTBOUND_LIMIT));

    @AfterEach
    void stop() {
        server.close();
    }

    private RawWebSocket open(int receiveBuffer) throws Exception {
        RawWebSocket ws = RawWebSocket.connect(server.webSocketUri("EIO=4&transport=websocket"), receiveBuffer);
        assertThat(ws.nextFrame().text()).startsWith("0{\"sid\"");
        return ws;
    }

    @Test
    void packetsFromAnotherThreadAndRepliesFromTheEventLoopNeverInterleave() throws Exception {
        int packets = 5_000;
        int echoes = 2_000;
        try (RawWebSocket ws = open(1 << 20)) {
            EngineSocket session = server.handler().assertNextOpen();
            // the feed: binary packets, header then attachment, from a thread of its own
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < packets; i++) {
                    session.send(List.of(EngineMessage.text("b" + i),
                            EngineMessage.binary(ByteBuffer.allocate(4).putInt(i).array())));
                }
            });
            // meanwhile the echo handler answers on the connection's event loop
            for (int j = 0; j < echoes; j++) {
                ws.sendText("4e" + j);
            }
            feed.join();

            List<String> echoed = new ArrayList<>();
            int nextPacket = 0;
            while (nextPacket < packets || echoed.size() < echoes) {
                Frame frame = ws.nextFrame();
                assertThat(frame).as("connection ended").isNotNull();
                String text = frame.text();
                if (text.startsWith("4e")) {
                    echoed.add(text);
                    continue;
                }
                assertThat(text).as("a packet's header, in send order").isEqualTo("4b" + nextPacket);
                Frame attachment = ws.nextFrame();
                assertThat(attachment.opcode()).as("the attachment right after its header").isEqualTo(Frame.BINARY);
                assertThat(ByteBuffer.wrap(attachment.payload()).getInt()).isEqualTo(nextPacket);
                nextPacket++;
            }
            for (int j = 0; j < echoes; j++) {
                assertThat(echoed.get(j)).isEqualTo("4e" + j);
            }
        }
    }

    @Test
    void clientThatStopsReadingIsDroppedAtOnceWithoutACloseFrameBehindItsBacklog() throws Exception {
        String chunk = "x".repeat(16 * 1024);
        try (RawWebSocket ws = open(4096)) {
            EngineSocket session = server.handler().assertNextOpen();
            AtomicLong sent = new AtomicLong();
            long started = System.nanoTime();
            // the client reads nothing more; the server keeps sending, from another thread, until it gives up
            CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20_000 && session.send(EngineMessage.text(chunk)); i++) {
                    sent.incrementAndGet();
                }
            }).join();

            server.handler().assertNextClose(DisconnectReason.TRANSPORT_ERROR); // so the client may recover
            System.out.printf("dropped after %d packets of 16 KB, %d ms%n", sent.get(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            Tally tally = ws.readToEnd();
            assertThat(tally.ended).as("the server dropped the connection").isTrue();
            assertThat(tally.closeFrames).as("no close frame queued behind the backlog").isZero();
            assertThat(tally.frames).as("the backlog was thrown away").isLessThan((int) sent.get());
        }
    }

    @Test
    void gracefulCloseSendsWhatWasSentThenExactlyOneCloseFrame() throws Exception {
        try (RawWebSocket ws = open(1 << 16)) {
            EngineSocket session = server.handler().assertNextOpen();

            session.send(EngineMessage.text("bye"));
            session.close(DisconnectReason.FORCED_CLOSE);

            assertThat(ws.nextFrame().text()).isEqualTo("4bye");
            Frame close = ws.nextFrame();
            assertThat(close.opcode()).isEqualTo(Frame.CLOSE);
            assertThat(ByteBuffer.wrap(close.payload()).getShort()).isEqualTo((short) 1000);
            Tally rest = ws.readToEnd();
            assertThat(rest.closeFrames).as("a second close frame").isZero();
        }
    }
}
