package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.socket.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastTest {

    private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults());
    private final Namespace root = server.namespace("/");
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private FakeEngineSocket alice;
    private FakeEngineSocket bob;
    private FakeEngineSocket carol;

    @BeforeEach
    void connectThree() {
        root.onConnection(sockets::add);
        alice = FakeEngineSocket.open(server);
        bob = FakeEngineSocket.open(server);
        carol = FakeEngineSocket.open(server);
        alice.connect("/");
        bob.connect("/");
        carol.connect("/");
        sockets.get(0).join("listing:1", "user:alice");
        sockets.get(1).join("listing:1", "listing:2");
        sockets.get(2).join("listing:2");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void broadcastToSeveralRoomsReachesEachSocketOnce() {
        root.to("listing:1", "listing:2").emit("listing:updated", Map.of("id", 1));
        for (FakeEngineSocket engine : List.of(alice, bob, carol)) {
            assertThat(engine.nextText()).isEqualTo("2[\"listing:updated\",{\"id\":1}]");
            engine.assertNothingSent();
        }
    }

    @Test
    void exceptLeavesOutTheSocketsOfThoseRooms() {
        root.to("listing:1").except("user:alice").emit("e");
        assertThat(bob.nextText()).isEqualTo("2[\"e\"]");
        alice.assertNothingSent();
        carol.assertNothingSent();
    }

    @Test
    void emitOnTheNamespaceReachesEverySocket() {
        root.except("listing:2").emit("hi");
        assertThat(alice.nextText()).isEqualTo("2[\"hi\"]");
        bob.assertNothingSent();
        carol.assertNothingSent();
    }

    @Test
    void socketIdIsARoomOfItsOwn() {
        root.to(sockets.get(2).id()).emit("direct");
        assertThat(carol.nextText()).isEqualTo("2[\"direct\"]");
        alice.assertNothingSent();
        assertThat(sockets.get(2).rooms()).containsExactlyInAnyOrder(sockets.get(2).id(), "listing:2");
    }

    @Test
    void broadcastFromASocketLeavesTheSenderOut() {
        sockets.get(1).to("listing:1").emit("typing");
        assertThat(alice.nextText()).isEqualTo("2[\"typing\"]");
        bob.assertNothingSent();
    }

    @Test
    void broadcastIsEncodedOnceAndEverySocketGetsTheSameMessages() {
        root.to("listing:1", "listing:2").emit("bin", bytes("payload"));
        EngineMessage text = alice.nextMessage();
        EngineMessage attachment = alice.nextMessage();
        for (FakeEngineSocket engine : List.of(bob, carol)) {
            assertThat(engine.nextMessage()).isSameAs(text);
            assertThat(engine.nextMessage()).isSameAs(attachment);
        }
        assertThat(text.text()).isEqualTo("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(new String(attachment.binary(), StandardCharsets.UTF_8)).isEqualTo("payload");
    }

    @Test
    void leavingARoomStopsItsBroadcastsAndEmptyRoomsVanish() {
        sockets.get(2).leave("listing:2");
        sockets.get(1).leave("listing:2");
        root.to("listing:2").emit("gone");
        bob.assertNothingSent();
        carol.assertNothingSent();
        assertThat(root.adapter().rooms()).doesNotContain("listing:2");
    }

    @Test
    void selectionListsTheSocketsOfThisNode() {
        assertThat(root.to("listing:2").socketIds())
                .containsExactlyInAnyOrder(sockets.get(1).id(), sockets.get(2).id());
        root.in("listing:2").socketsJoin("sale");
        assertThat(sockets.get(2).rooms()).contains("sale");
    }

    @Test
    void disconnectSocketsOfARoom() {
        root.in("listing:2").disconnectSockets(false);
        assertThat(bob.nextText()).isEqualTo("1");
        assertThat(carol.nextText()).isEqualTo("1");
        assertThat(sockets.get(0).isConnected()).isTrue();
        assertThat(sockets.get(1).isConnected()).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
