package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import com.ticketing.socketio.server.namespace.ConnectDecision;
import com.ticketing.socketio.server.recovery.InMemoryRecoveryHook;
import com.ticketing.socketio.server.recovery.RecoveryHook;
import com.ticketing.socketio.server.recovery.SessionSnapshot;
import com.ticketing.socketio.server.recovery.RecoveryOptions;
import com.ticketing.socketio.server.socket.AttributeKey;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    private static final Pattern CONNECT_REPLY = Pattern.compile("0\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}");
    private static final Pattern OFFSET = Pattern.compile(".*,\"([^\"]+)\"]$");
    private static final AttributeKey<String> USER = AttributeKey.of("user", String.class);

    private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults()
            .withRecovery(RecoveryOptions.inMemory(Duration.ofMinutes(2))));
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger middlewareCalls = new AtomicInteger();

    @BeforeEach
    void register() {
        server.namespace("/")
                .use((h, auth) -> {
                    middlewareCalls.incrementAndGet();
                    return CompletableFuture.completedFuture(ConnectDecision.accept().with(USER, "alice"));
                })
                .onConnection(socket -> {
                    sockets.add(socket);
                    if (!socket.recovered()) {
                        socket.join("listing:1");
                    }
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void connectReplyCarriesAPrivateId() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        Matcher reply = CONNECT_REPLY.matcher(engine.nextText());
        assertThat(reply.matches()).isTrue();
        assertThat(reply.group(2)).isNotEqualTo(reply.group(1));
    }

    @Test
    void emittedEventsCarryAnOffsetAsLastArgument() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        server.namespace("/").to("listing:1").emit("listing:updated", 1);
        sockets.get(0).emit("direct", 2);
        String first = engine.nextText();
        String second = engine.nextText();
        assertThat(first).matches("2\\[\"listing:updated\",1,\"[^\"]+\"]");
        assertThat(second).matches("2\\[\"direct\",2,\"[^\"]+\"]");
        assertThat(offset(first)).isNotEqualTo(offset(second));
    }

    @Test
    void eventsAwaitingAnAckCarryNoOffset() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        sockets.get(0).emitWithAck("q", null, 1);
        assertThat(engine.nextText()).isEqualTo("20[\"q\",1]");
    }

    @Test
    void reconnectWithPidAndOffsetRecoversTheSocketAndReplaysWhatItMissed() {
        FakeEngineSocket first = FakeEngineSocket.open(server);
        first.clientSends("0");
        Matcher reply = CONNECT_REPLY.matcher(first.nextText());
        assertThat(reply.matches()).isTrue();
        String sid = reply.group(1);
        String pid = reply.group(2);
        server.namespace("/").to("listing:1").emit("seen", 1);
        String lastOffset = offset(first.nextText());
        first.engineCloses(DisconnectReason.TRANSPORT_CLOSE);

        server.namespace("/").to("listing:1").emit("missed", 2);
        server.namespace("/").to("other").emit("not-for-me", 3);

        FakeEngineSocket second = FakeEngineSocket.open(server);
        second.clientSends("0{\"pid\":\"" + pid + "\",\"offset\":\"" + lastOffset + "\"}");
        assertThat(second.nextText()).isEqualTo("0{\"sid\":\"" + sid + "\",\"pid\":\"" + pid + "\"}");
        assertThat(second.nextText()).startsWith("2[\"missed\",2,");
        second.assertNothingSent();

        Socket recovered = sockets.get(1);
        assertThat(recovered.recovered()).isTrue();
        assertThat(recovered.id()).isEqualTo(sid);
        assertThat(recovered.rooms()).contains("listing:1");
        assertThat(recovered.get(USER)).isEqualTo("alice");
        assertThat(middlewareCalls).as("middlewares skipped on recovery").hasValue(1);
    }

    @Test
    void sessionIsRecoveredOnlyOnce() {
        FakeEngineSocket first = FakeEngineSocket.open(server);
        first.clientSends("0");
        Matcher reply = CONNECT_REPLY.matcher(first.nextText());
        assertThat(reply.matches()).isTrue();
        sockets.get(0).emit("e");
        String offset = offset(first.nextText());
        first.engineCloses(DisconnectReason.PING_TIMEOUT);
        String auth = "0{\"pid\":\"" + reply.group(2) + "\",\"offset\":\"" + offset + "\"}";

        FakeEngineSocket second = FakeEngineSocket.open(server);
        second.clientSends(auth);
        assertThat(second.nextText()).contains(reply.group(1));
        FakeEngineSocket third = FakeEngineSocket.open(server);
        third.clientSends(auth);
        assertThat(third.nextText()).doesNotContain(reply.group(1));
        assertThat(sockets.get(2).recovered()).isFalse();
    }

    @Test
    void socketThatLeftOnPurposeIsNotRecovered() {
        FakeEngineSocket first = FakeEngineSocket.open(server);
        first.clientSends("0");
        Matcher reply = CONNECT_REPLY.matcher(first.nextText());
        assertThat(reply.matches()).isTrue();
        sockets.get(0).emit("e");
        String offset = offset(first.nextText());
        first.clientSends("1");

        FakeEngineSocket second = FakeEngineSocket.open(server);
        second.clientSends("0{\"pid\":\"" + reply.group(2) + "\",\"offset\":\"" + offset + "\"}");
        assertThat(second.nextText()).doesNotContain(reply.group(1));
        assertThat(sockets.get(1).recovered()).isFalse();
    }

    @Test
    void unknownOffsetGivesAFreshSocket() {
        FakeEngineSocket first = FakeEngineSocket.open(server);
        first.clientSends("0");
        Matcher reply = CONNECT_REPLY.matcher(first.nextText());
        assertThat(reply.matches()).isTrue();
        first.engineCloses(DisconnectReason.TRANSPORT_ERROR);

        FakeEngineSocket second = FakeEngineSocket.open(server);
        second.clientSends("0{\"pid\":\"" + reply.group(2) + "\",\"offset\":\"nonsense\"}");
        assertThat(second.nextText()).doesNotContain(reply.group(1));
        assertThat(middlewareCalls).hasValue(2);
    }

    @Test
    void theReplayFollowsTheConnectReplyAndPrecedesWhatTheConnectionListenersEmit() {
        SocketIoServer greeting = new SocketIoServer(SocketIoOptions.defaults()
                .withRecovery(RecoveryOptions.inMemory(Duration.ofMinutes(2))));
        greeting.namespace("/").onConnection(socket -> {
            socket.join("listing:1");
            socket.emit("welcome", socket.recovered());
        });
        try {
            Dropped first = connectThenDrop(greeting, () -> { }, DisconnectReason.TRANSPORT_CLOSE); // welcome
            greeting.namespace("/").to("listing:1").emit("missed", 1);

            FakeEngineSocket second = FakeEngineSocket.open(greeting);
            second.clientSends(resume(first.pid(), first.offset()));

            assertThat(second.nextText()).startsWith("0{\"sid\":\"" + first.sid());
            assertThat(second.nextText()).startsWith("2[\"missed\",1,");
            assertThat(second.nextText()).startsWith("2[\"welcome\",true,");
            second.assertNothingSent();
        } finally {
            greeting.close();
        }
    }

    @Test
    void anEventBroadcastWhileTheSocketResumesArrivesOnceAndInOrder() {
        AtomicReference<SocketIoServer> serverOf = new AtomicReference<>();
        InMemoryRecoveryHook memory = new InMemoryRecoveryHook(Duration.ofMinutes(2), Clock.systemUTC());
        RecoveryHook racing = new RecoveryHook() {
            @Override
            public Packet.Event record(Packet.Event event, BroadcastTarget target) {
                return memory.record(event, target);
            }

            @Override
            public void persist(SessionSnapshot session) {
                memory.persist(session);
            }

            @Override
            public CompletionStage<Optional<SessionSnapshot>> find(String namespace, String pid, String offset,
                                                                  Map<String, Object> attributes) {
                return memory.find(namespace, pid, offset, attributes);
            }

            /** Broadcasts race the replay: one before it is computed (the replay has it), one after. */
            @Override
            public CompletionStage<Optional<Replay>> replay(SessionSnapshot session, String offset) {
                serverOf.get().namespace("/").to("listing:1").emit("during", 2);
                CompletionStage<Optional<Replay>> replay = memory.replay(session, offset);
                serverOf.get().namespace("/").to("listing:1").emit("after", 3);
                return replay;
            }
        };
        SocketIoServer raced = new SocketIoServer(SocketIoOptions.defaults()
                .withRecovery(RecoveryOptions.with(true, racing)));
        serverOf.set(raced);
        raced.namespace("/").onConnection(socket -> socket.join("listing:1"));
        try {
            Dropped first = connectThenDrop(raced, () -> raced.namespace("/").to("listing:1").emit("seen", 0),
                    DisconnectReason.TRANSPORT_ERROR);
            raced.namespace("/").to("listing:1").emit("missed", 1);

            FakeEngineSocket second = FakeEngineSocket.open(raced);
            second.clientSends(resume(first.pid(), first.offset()));

            assertThat(second.nextText()).startsWith("0{\"sid\":\"" + first.sid());
            assertThat(second.nextText()).startsWith("2[\"missed\",1,");
            assertThat(second.nextText()).startsWith("2[\"during\",2,");
            assertThat(second.nextText()).startsWith("2[\"after\",3,");
            second.assertNothingSent();
        } finally {
            raced.close();
        }
    }

    @Test
    void aReplayLargerThanTheOutboundLimitGoesOutAsTheClientReadsAndLiveEventsFollowIt() {
        Dropped first = connectThenDrop(server, () -> sockets.get(0).emit("seen"), DisconnectReason.TRANSPORT_ERROR);
        int missed = 1_000;
        for (int i = 0; i < missed; i++) {
            server.namespace("/").to("listing:1").emit("missed", i);
        }

        FakeEngineSocket second = FakeEngineSocket.open(server).limitUnread(100);
        second.clientSends(resume(first.pid(), first.offset()));
        assertThat(second.nextText()).startsWith("0{\"sid\":\"" + first.sid());
        for (int i = 0; i < missed / 2; i++) {
            assertThat(second.nextText()).startsWith("2[\"missed\"," + i + ",");
        }
        int live = 300; // more than may wait unread: they are held behind the replay, and paced too
        for (int i = 0; i < live; i++) {
            server.namespace("/").to("listing:1").emit("live", i);
        }
        for (int i = missed / 2; i < missed; i++) {
            assertThat(second.nextText()).startsWith("2[\"missed\"," + i + ",");
        }
        for (int i = 0; i < live; i++) {
            assertThat(second.nextText()).startsWith("2[\"live\"," + i + ",");
        }
        second.assertNothingSent();
        assertThat(second.closedWith()).isNull();
        server.namespace("/").to("listing:1").emit("after", 0);
        assertThat(second.nextText()).startsWith("2[\"after\",0,");
    }

    @Test
    void aResumeWithAWrongOffsetGetsAFreshSocketAndLeavesTheSessionForTheRightOne() {
        Dropped first = connectThenDrop(server, () -> sockets.get(0).emit("e"), DisconnectReason.TRANSPORT_CLOSE);

        FakeEngineSocket wrong = FakeEngineSocket.open(server);
        wrong.clientSends(resume(first.pid(), "not-an-offset"));
        assertThat(wrong.nextText()).doesNotContain(first.sid());
        FakeEngineSocket right = FakeEngineSocket.open(server);
        right.clientSends(resume(first.pid(), first.offset()));
        assertThat(right.nextText()).contains(first.sid());
    }

    @Test
    void aSocketDroppedForATooLargePayloadMayResume() {
        Dropped first = connectThenDrop(server, () -> sockets.get(0).emit("e"), DisconnectReason.PAYLOAD_TOO_LARGE);

        FakeEngineSocket second = FakeEngineSocket.open(server);
        second.clientSends(resume(first.pid(), first.offset()));
        assertThat(second.nextText()).contains(first.sid());
        assertThat(sockets.get(1).recovered()).isTrue();
    }

    /** A first connection's socket id, pid, and the offset of the first event it got. */
    private record Dropped(String sid, String pid, String offset) {
    }

    /**
     * Connects to {@code on}, runs {@code emit} (or lets the connection listener emit), reads the offset
     * of the first event, and drops the connection for {@code reason}.
     */
    private static Dropped connectThenDrop(SocketIoServer on, Runnable emit, DisconnectReason reason) {
        FakeEngineSocket first = FakeEngineSocket.open(on);
        first.clientSends("0");
        Matcher reply = CONNECT_REPLY.matcher(first.nextText());
        assertThat(reply.matches()).isTrue();
        emit.run();
        String offset = offset(first.nextText());
        first.engineCloses(reason);
        return new Dropped(reply.group(1), reply.group(2), offset);
    }

    private static String resume(String pid, String offset) {
        return "0{\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}";
    }

    private static String offset(String eventText) {
        Matcher matcher = OFFSET.matcher(eventText);
        assertThat(matcher.matches()).as("offset in %s", eventText).isTrue();
        return matcher.group(1);
    }
}
