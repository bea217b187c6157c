package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.server.ack.AckTimeoutException;
import com.ticketing.socketio.server.socket.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventAndAckTest {

    private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults());
    private final AtomicReference<Socket> socket = new AtomicReference<>();
    private FakeEngineSocket engine;

    @BeforeEach
    void connect() {
        server.namespace("/").onConnection(socket::set);
        server.namespace("/custom").onConnection(s -> s.on("ping", (args, ack) -> ack.send("pong")));
        engine = FakeEngineSocket.open(server);
        engine.connect("/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eventReachesItsHandlerWithTheArguments() {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        socket.get().on("hello", (args, ack) -> {
            received.addAll(args);
            assertThat(ack.isRequested()).isFalse();
        });
        engine.clientSends("2[\"hello\",1,{\"a\":[true]}]");
        assertThat(received).hasSize(2);
        assertThat(received.get(1).get("a").get(0).booleanValue()).isTrue();
    }

    @Test
    void namespaceHandlerServesEverySocketAndGetsTheSocket() {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.namespace("/").on("hello", (s, args, ack) -> seen.add(s.id() + ":" + args.get(0).asString()));
        String firstId = socket.get().id();
        FakeEngineSocket other = FakeEngineSocket.open(server);
        String otherId = other.connect("/");

        engine.clientSends("2[\"hello\",\"a\"]");
        other.clientSends("2[\"hello\",\"b\"]");

        assertThat(seen).containsExactly(firstId + ":a", otherId + ":b");
    }

    @Test
    void aSocketsOwnHandlerWinsOverTheNamespaces() {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.namespace("/").on("hello", (s, args, ack) -> seen.add("namespace"));
        server.namespace("/").onAny((s, event, args, ack) -> seen.add("namespace any " + event));
        socket.get().on("hello", (args, ack) -> seen.add("socket"));

        engine.clientSends("2[\"hello\"]");
        engine.clientSends("2[\"other\"]");

        assertThat(seen).containsExactly("socket", "namespace any other");
    }

    @Test
    void namespaceDisconnectListenerHearsEverySocketLeave() {
        List<String> left = new CopyOnWriteArrayList<>();
        server.namespace("/").onDisconnect((s, reason) -> left.add(s.id() + " " + reason.wireText()));

        engine.engineCloses(DisconnectReason.TRANSPORT_CLOSE);

        assertThat(left).containsExactly(socket.get().id() + " transport close");
    }

    @Test
    void eventWithAnAckIdIsAnsweredWithAnAckPacketOfThatId() {
        socket.get().on("a", (args, ack) -> ack.send("ok", Map.of("n", 1)));
        engine.clientSends("212[\"a\"]");
        assertThat(engine.nextText()).isEqualTo("312[\"ok\",{\"n\":1}]");
    }

    @Test
    void ackOnACustomNamespaceNamesTheNamespace() {
        engine.connect("/custom");
        engine.clientSends("2/custom,7[\"ping\"]");
        assertThat(engine.nextText()).isEqualTo("3/custom,7[\"pong\"]");
    }

    @Test
    void onlyTheFirstAckAnswerGoesOut() {
        socket.get().on("a", (args, ack) -> {
            assertThat(ack.send(1)).isTrue();
            assertThat(ack.send(2)).isFalse();
        });
        engine.clientSends("23[\"a\"]");
        assertThat(engine.nextText()).isEqualTo("33[1]");
        engine.assertNothingSent();
    }

    @Test
    void ackMayBeSentLaterFromAnotherThread() {
        socket.get().on("slow", (args, ack) -> CompletableFuture.runAsync(() -> ack.send("done")));
        engine.clientSends("25[\"slow\"]");
        assertThat(engine.nextText()).isEqualTo("35[\"done\"]");
    }

    @Test
    void binaryArgumentsArriveAsBinaryNodes() {
        AtomicReference<JsonNode> received = new AtomicReference<>();
        socket.get().on("bin", (args, ack) -> received.set(args.get(0)));
        engine.clientSends("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(received.get()).isNull();
        engine.clientSendsBinary("abc");
        assertThat(received.get().binaryValue()).isEqualTo(bytes("abc"));
    }

    @Test
    void binaryAckAnswerIsABinaryAckFollowedByItsAttachment() {
        socket.get().on("a", (args, ack) -> ack.send(bytes("xyz")));
        engine.clientSends("29[\"a\"]");
        assertThat(engine.nextText()).isEqualTo("61-9[{\"_placeholder\":true,\"num\":0}]");
        assertThat(engine.nextBinary()).isEqualTo("xyz");
    }

    @Test
    void emittedBinaryIsABinaryEventFollowedByItsAttachments() {
        socket.get().emit("file", Map.of("name", "a.txt"), bytes("one"), bytes("two"));
        assertThat(engine.nextText()).isEqualTo(
                "52-[\"file\",{\"name\":\"a.txt\"},{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat(engine.nextBinary()).isEqualTo("one");
        assertThat(engine.nextBinary()).isEqualTo("two");
    }

    @Test
    void unknownEventsGoToTheCatchAllHandler() {
        List<String> names = new CopyOnWriteArrayList<>();
        socket.get().onAny((event, args, ack) -> names.add(event));
        socket.get().on("known", (args, ack) -> names.add("handled"));
        engine.clientSends("2[\"whatever\"]").clientSends("2[\"known\"]");
        assertThat(names).containsExactly("whatever", "handled");
    }

    @Test
    void eventWithoutHandlerIsIgnored() {
        engine.clientSends("2[\"nobody\"]");
        engine.assertNothingSent();
        assertThat(engine.isOpen()).isTrue();
    }

    @Test
    void throwingHandlerKeepsTheConnection() {
        socket.get().on("boom", (args, ack) -> {
            throw new IllegalStateException("bug");
        });
        socket.get().on("after", (args, ack) -> ack.send("alive"));
        engine.clientSends("2[\"boom\"]").clientSends("21[\"after\"]");
        assertThat(engine.nextText()).isEqualTo("31[\"alive\"]");
    }

    @Test
    void emitWithAckCompletesWithTheClientAnswer() throws Exception {
        CompletableFuture<List<JsonNode>> answer = socket.get().emitWithAck("question", Duration.ofSeconds(5), 42);
        assertThat(engine.nextText()).isEqualTo("20[\"question\",42]");
        engine.clientSends("30[\"yes\",{\"k\":1}]");
        assertThat(answer.get().get(0).stringValue()).isEqualTo("yes");
        assertThat(answer.get().get(1).get("k").intValue()).isEqualTo(1);
    }

    @Test
    void emitWithAckIdsIncrease() {
        socket.get().emitWithAck("a", null);
        socket.get().emitWithAck("b", null);
        assertThat(engine.nextText()).isEqualTo("20[\"a\"]");
        assertThat(engine.nextText()).isEqualTo("21[\"b\"]");
    }

    @Test
    void emitWithAckFailsWhenTheClientDoesNotAnswerInTime() {
        CompletableFuture<List<JsonNode>> answer = socket.get().emitWithAck("q", Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(2)).until(answer::isDone);
        assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AckTimeoutException.class);
    }

    @Test
    void lateOrUnknownAckIsIgnored() {
        engine.clientSends("399[\"late\"]");
        assertThat(engine.isOpen()).isTrue();
    }

    @Test
    void pendingAcksFailAtOnceWhenTheSocketLeaves() {
        CompletableFuture<List<JsonNode>> answer = socket.get().emitWithAck("q", Duration.ofMinutes(5));
        engine.engineCloses(DisconnectReason.TRANSPORT_CLOSE);
        await().atMost(Duration.ofSeconds(1)).until(answer::isDone);
        assertThat(answer).isCompletedExceptionally();
        assertThat(socket.get().emitWithAck("again", null)).isCompletedExceptionally();
    }

    @Test
    void emitToADisconnectedSocketReturnsFalse() {
        engine.engineCloses(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(socket.get().emit("x")).isFalse();
    }

    @Test
    void handlersOfOneConnectionNeverRunConcurrently() throws Exception {
        AtomicReference<Boolean> overlap = new AtomicReference<>(false);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        socket.get().on("e", (args, ack) -> {
            if (running.incrementAndGet() > 1) {
                overlap.set(true);
            }
            running.decrementAndGet();
            done.incrementAndGet();
        });
        // acks from the timer thread and events from the test thread share the serial executor
        Thread other = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                socket.get().emitWithAck("x", Duration.ofMillis(1));
            }
        });
        other.start();
        for (int i = 0; i < 500; i++) {
            engine.clientSends("2[\"e\"]");
        }
        other.join();
        await().until(() -> done.get() == 500);
        assertThat(overlap.get()).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
