package com.ticketing.socketio.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.PacketCodec;
import com.ticketing.socketio.engine.packet.PacketDecodeException;
import com.ticketing.socketio.engine.packet.PayloadCodec;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.testing.RawWebSocket;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import com.ticketing.socketio.engine.testing.WebSocketClient;
import com.ticketing.socketio.packet.InvalidPacketException;
import com.ticketing.socketio.packet.PacketDecoder;
import com.ticketing.socketio.packet.PacketJson;
import com.ticketing.socketio.server.FuzzSessions;
import com.ticketing.socketio.server.SocketIoOptions;
import com.ticketing.socketio.server.SocketIoServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Hostile input, generated from valid packets by {@link FrameMutator}: the decoders refuse it with
 * their own exception and nothing else, and a live session fed with it closes alone, leaving nothing
 * behind. Seeded and reproducible: {@code -Dfuzz.seed=N} repeats a run, {@code -Dfuzz.frames=N} and
 * {@code -Dfuzz.sessionFrames=N} set its length (the defaults are the short run CI does).
 */
class HostileFramesFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    static final int FRAMES = Integer.getInteger("fuzz.frames", 1_000_000);
    static final int SESSION_FRAMES = Integer.getInteger("fuzz.sessionFrames", 100_000);

    private final ListAppender<ILoggingEvent> errors = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void recordErrors() {
        errors.start();
        root.addAppender(errors);
    }

    @AfterEach
    void stopRecording() {
        root.detachAppender(errors);
    }

    @Test
    void decodersRefuseHostileFramesWithTheirOwnExceptionOnly() {
        FrameMutator frames = new FrameMutator(SEED);
        PacketDecoder decoder = new PacketDecoder(PacketJson.strictMapper(), 10, 1_000_000);
        long started = System.nanoTime();
        int engineRefused = 0;
        int socketIoRefused = 0;
        int accepted = 0;
        for (int i = 0; i < FRAMES; i++) {
            String frame = frames.nextText();
            try {
                EnginePacket packet = PacketCodec.decode(frame);
                if (packet instanceof EnginePacket.Message message) {
                    decoder.decodeText(message.text());
                    accepted++;
                }
                if (frames.nextBoolean(4)) {
                    decoder.decodeBinary(frames.nextBinary());
                }
                if (frames.nextBoolean(10)) {
                    PayloadCodec.decode(frame + '\u001e' + frames.nextText()); // as a polling POST carries them
                }
            } catch (PacketDecodeException refused) {
                engineRefused++;
            } catch (InvalidPacketException refused) {
                socketIoRefused++;
            } catch (RuntimeException | StackOverflowError escaped) {
                fail("frame %d of seed %d escaped the decoders: %s %s", i, SEED, escaped, abbreviate(frame));
            }
        }
        System.out.printf("fuzz (seed %d): %,d frames in %d ms: %,d refused by Engine.IO, %,d by Socket.IO, %,d decoded%n",
                SEED, FRAMES, Duration.ofNanos(System.nanoTime() - started).toMillis(), engineRefused,
                socketIoRefused, accepted);
        assertThat(engineRefused + socketIoRefused).as("the mutations are hostile").isPositive();
    }

    @Test
    void liveSessionsFedHostileFramesCloseAloneAndLeaveNothingBehind() {
        SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults().withConnectTimeout(Duration.ofSeconds(30)));
        server.namespace("/").on("message", (socket, args, ack) -> ack.send("echo"));
        FuzzSessions sessions = new FuzzSessions(server);
        try {
            String bystander = sessions.bystander();
            long heapBefore = usedHeapAfterGc();
            FrameMutator frames = new FrameMutator(SEED + 1);
            long started = System.nanoTime();
            for (int i = 0; i < SESSION_FRAMES; i++) {
                if (frames.nextBoolean(4)) {
                    sessions.feedBinary(frames.nextBinary(), frames.nextBoolean(2));
                } else {
                    String frame = frames.nextText();
                    if (frame.startsWith("4")) {
                        sessions.feedText(frame.substring(1), frames.nextBoolean(2));
                    }
                }
            }
            sessions.closeAllButBystander();
            long heapAfter = usedHeapAfterGc();

            System.out.printf("live fuzz (seed %d): %,d frames over %,d sessions (%,d closed by the server) in %d ms;"
                    + " heap after GC %,d KB before, %,d KB after%n", SEED + 1, SESSION_FRAMES, sessions.opened(),
                    sessions.closedByServer(), Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    heapBefore / 1024, heapAfter / 1024);
            assertThat(sessions.bystanderAnswers()).as("the bystander %s still answers", bystander).isTrue();
            assertThat(server.connectionCount()).as("only the bystander is left").isEqualTo(1);
            assertThat(sessions.closedByServer()).as("hostile frames close their session").isPositive();
            assertThat(errors.list).as("no task failed with an unexpected exception")
                    .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
        } finally {
            server.close();
        }
    }

    @Test
    void hostileWebSocketFramesCloseOnlyTheirOwnConnection() throws Exception {
        int connections = Integer.getInteger("fuzz.connections", 300);
        try (TestEngineServer server = new TestEngineServer(EngineIoOptions.defaults()
                .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20)));
             WebSocketClient bystander = WebSocketClient.connect(server.webSocketUri("EIO=4&transport=websocket"))) {
            bystander.nextText();
            FrameMutator frames = new FrameMutator(SEED + 2);
            long started = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                try (RawWebSocket hostile = RawWebSocket.connect(server.webSocketUri("EIO=4&transport=websocket"), 1 << 16)) {
                    hostile.nextFrame();
                    for (int j = 0; j < 20; j++) {
                        hostile.sendText(frames.nextText());
                    }
                } catch (java.io.IOException closedWhileWeWrote) {
                    // the server closed it: what a hostile frame should get
                }
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> server.engine().sessionCount() == 1);

            bystander.send("4still here?");
            assertThat(bystander.nextText()).isEqualTo("4still here?");
            System.out.printf("websocket fuzz (seed %d): %d connections of 20 frames in %d ms%n", SEED + 2, connections,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(errors.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String abbreviate(String frame) {
        return frame.length() <= 120 ? frame : frame.substring(0, 120) + "…(" + frame.length() + ")";
    }
}
