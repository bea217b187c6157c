package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.server.namespace.ConnectDecision;
import com.ticketing.socketio.server.socket.AttributeKey;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectTest {

    private static final AttributeKey<String> USER = AttributeKey.of("user", String.class);

    private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults()
            .withConnectTimeout(Duration.ofMillis(300)));
    private final List<Socket> connected = new CopyOnWriteArrayList<>();

    ConnectTest() {
        server.namespace("/").onConnection(connected::add);
        server.namespace("/custom").onConnection(connected::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void connectToTheMainNamespaceIsAnsweredWithTheSocketId() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        assertThat(engine.nextText()).matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}");
        assertThat(connected).hasSize(1);
        assertThat(connected.get(0).namespace().name()).isEqualTo("/");
    }

    @Test
    void connectToACustomNamespaceIsAnsweredInThatNamespace() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0/custom,");
        assertThat(engine.nextText()).startsWith("0/custom,{\"sid\":\"");
    }

    @Test
    void connectToAnUnregisteredNamespaceIsRefusedAndTheConnectionStays() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0/nope,");
        assertThat(engine.nextText()).isEqualTo("4/nope,{\"message\":\"Invalid namespace\"}");
        assertThat(engine.isOpen()).isTrue();
        engine.connect("/");
    }

    @Test
    void authPayloadReachesTheMiddlewareAndTheConnectionListenersThenIsReleased() {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        AtomicReference<JsonNode> atConnection = new AtomicReference<>();
        server.namespace("/").use((handshake, auth) -> {
            seen.set(auth);
            return CompletableFuture.completedFuture(ConnectDecision.accept());
        });
        server.namespace("/").onConnection(socket -> atConnection.set(socket.auth()));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0{\"token\":\"x\"}");
        engine.nextText();
        assertThat(seen.get().get("token").stringValue()).isEqualTo("x");
        assertThat(atConnection.get().get("token").stringValue()).isEqualTo("x");
        assertThat(connected.get(0).auth()).as("an idle socket keeps no token").isNull();
    }

    @Test
    void connectWithoutPayloadGivesAnEmptyAuthObject() {
        AtomicReference<JsonNode> atConnection = new AtomicReference<>();
        server.namespace("/").onConnection(socket -> atConnection.set(socket.auth()));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        assertThat(atConnection.get().isObject()).isTrue();
        assertThat(atConnection.get().isEmpty()).isTrue();
    }

    @Test
    void middlewareRefusalIsAConnectErrorWithMessageAndData() {
        server.namespace("/").use((handshake, auth) -> CompletableFuture.completedFuture(
                ConnectDecision.refuse("Token expired", Map.of("code", "EXPIRED"))));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        assertThat(engine.nextText()).isEqualTo("4{\"message\":\"Token expired\",\"data\":{\"code\":\"EXPIRED\"}}");
        assertThat(connected).isEmpty();
        assertThat(engine.isOpen()).isTrue();
    }

    @Test
    void asynchronousMiddlewareAcceptsWhenItsFutureCompletes() {
        CompletableFuture<ConnectDecision> later = new CompletableFuture<>();
        server.namespace("/").use((handshake, auth) -> later);
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        engine.assertNothingSent();

        new Thread(() -> later.complete(ConnectDecision.accept().with(USER, "alice"))).start();

        assertThat(engine.nextText()).startsWith("0{\"sid\"");
        await().until(() -> connected.size() == 1);
        assertThat(connected.get(0).get(USER)).isEqualTo("alice");
    }

    @Test
    void middlewaresRunInOrderAndTheFirstRefusalWins() {
        List<String> calls = new CopyOnWriteArrayList<>();
        server.namespace("/")
                .use((h, a) -> {
                    calls.add("first");
                    return CompletableFuture.completedFuture(ConnectDecision.accept().with(USER, "bob"));
                })
                .use((h, a) -> {
                    calls.add("second");
                    return CompletableFuture.completedFuture(ConnectDecision.refuse("Too many connections"));
                })
                .use((h, a) -> {
                    calls.add("third");
                    return CompletableFuture.completedFuture(ConnectDecision.accept());
                });
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        assertThat(engine.nextText()).isEqualTo("4{\"message\":\"Too many connections\"}");
        assertThat(calls).containsExactly("first", "second");
    }

    @Test
    void attributesOfEveryMiddlewareReachTheSocket() {
        AttributeKey<Integer> limit = AttributeKey.of("limit", Integer.class);
        server.namespace("/")
                .use((h, a) -> CompletableFuture.completedFuture(ConnectDecision.accept().with(USER, "bob")))
                .use((h, a) -> CompletableFuture.completedFuture(ConnectDecision.accept().with(limit, 20)));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        assertThat(connected.get(0).get(USER)).isEqualTo("bob");
        assertThat(connected.get(0).get(limit)).isEqualTo(20);
    }

    @Test
    void failingMiddlewareIsAnsweredWithAServerErrorNotItsMessage() {
        server.namespace("/").use((h, a) -> CompletableFuture.failedFuture(new IllegalStateException("db down")));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        assertThat(engine.nextText()).isEqualTo("4{\"message\":\"Server error\"}");
    }

    @Test
    void throwingMiddlewareIsAnsweredWithAServerError() {
        server.namespace("/").use((h, a) -> {
            throw new IllegalStateException("bug");
        });
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0");
        assertThat(engine.nextText()).isEqualTo("4{\"message\":\"Server error\"}");
    }

    @Test
    void emitsOfTheConnectionListenerFollowTheConnectReply() {
        server.namespace("/custom").onConnection(socket -> socket.emit("auth", socket.auth()));
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.clientSends("0/custom,{\"a\":1}");
        assertThat(engine.nextText()).startsWith("0/custom,{\"sid\"");
        assertThat(engine.nextText()).isEqualTo("2/custom,[\"auth\",{\"a\":1}]");
    }

    @Test
    void sessionThatNeverConnectsIsClosedAfterTheConnectTimeout() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.closedWith() != null);
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.CONNECT_TIMEOUT);
    }

    @Test
    void sessionThatConnectedInTimeIsKeptAfterTheConnectTimeout() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(engine::isOpen);
    }

    @Test
    void secondConnectToTheSameNamespaceClosesTheConnection() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.clientSends("0");
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void oneConnectionMayJoinSeveralNamespaces() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        String main = engine.connect("/");
        String custom = engine.connect("/custom");
        assertThat(main).isNotEqualTo(custom);
        assertThat(connected).hasSize(2);
    }

    @Test
    void socketReportsTheLiveTransport() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        assertThat(connected.get(0).transportName()).isEqualTo("polling");
        engine.upgrade();
        assertThat(connected.get(0).transportName()).isEqualTo("websocket");
    }
}
