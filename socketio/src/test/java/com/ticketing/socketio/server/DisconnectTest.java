package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.server.socket.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisconnectTest {

    private final SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, DisconnectReason> reasons = new ConcurrentHashMap<>();

    @BeforeEach
    void register() {
        for (String name : List.of("/", "/custom")) {
            server.namespace(name).onConnection(socket -> {
                sockets.add(socket);
                socket.join("room-" + name);
                socket.onDisconnect(reason -> reasons.put(socket.namespace().name(), reason));
            });
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clientDisconnectPacketEndsOnlyThatNamespace() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.connect("/custom");
        engine.clientSends("1/custom,");
        assertThat(reasons).containsExactly(Map.entry("/custom", DisconnectReason.CLIENT_NAMESPACE_DISCONNECT));
        assertThat(engine.isOpen()).isTrue();
        assertThat(sockets.get(0).isConnected()).isTrue();
    }

    @Test
    void serverDisconnectSendsADisconnectPacketAndKeepsTheConnection() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/custom");
        sockets.get(0).disconnect();
        assertThat(engine.nextText()).isEqualTo("1/custom,");
        assertThat(reasons).containsEntry("/custom", DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        assertThat(engine.isOpen()).isTrue();
    }

    @Test
    void serverDisconnectWithCloseAlsoClosesTheConnection() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.connect("/custom");
        sockets.get(0).disconnect(true);
        assertThat(engine.nextText()).isEqualTo("1");
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.FORCED_SERVER_CLOSE);
        assertThat(reasons).containsEntry("/", DisconnectReason.SERVER_NAMESPACE_DISCONNECT)
                .containsEntry("/custom", DisconnectReason.FORCED_SERVER_CLOSE);
    }

    @Test
    void engineCloseDisconnectsEveryNamespaceSocketWithTheEngineReason() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.connect("/custom");
        engine.engineCloses(DisconnectReason.PING_TIMEOUT);
        assertThat(reasons).containsEntry("/", DisconnectReason.PING_TIMEOUT)
                .containsEntry("/custom", DisconnectReason.PING_TIMEOUT);
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void leavingSocketLeavesAllItsRoomsAndEmptyRoomsVanish() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        Socket socket = sockets.get(0);
        socket.join("a", "b");
        assertThat(server.namespace("/").adapter().rooms()).containsExactlyInAnyOrder("room-/", "a", "b");
        engine.engineCloses(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(server.namespace("/").adapter().rooms()).isEmpty();
        assertThat(server.namespace("/").findSocket(socket.id())).isEmpty();
    }

    @Test
    void malformedPacketClosesOnlyThatConnectionWithParseError() {
        FakeEngineSocket bad = FakeEngineSocket.open(server);
        FakeEngineSocket good = FakeEngineSocket.open(server);
        bad.connect("/");
        good.connect("/");
        bad.clientSends("2[\"unterminated");
        assertThat(bad.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
        assertThat(good.isOpen()).isTrue();
        assertThat(reasons).containsEntry("/", DisconnectReason.PARSE_ERROR);
        assertThat(sockets.get(1).isConnected()).isTrue();
    }

    @Test
    void eventForANamespaceNotJoinedClosesTheConnection() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.clientSends("2/custom,[\"x\"]");
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void reservedEventNameClosesTheConnection() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.clientSends("2[\"disconnect\"]");
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void binaryMessageNobodyAnnouncedClosesTheConnection() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        engine.clientSendsBinary("stray");
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void packetsAfterAParseErrorAreIgnored() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        List<String> seen = new CopyOnWriteArrayList<>();
        sockets.get(0).onAny((event, args, ack) -> seen.add(event));
        engine.clientSends("9").clientSends("2[\"late\"]");
        assertThat(seen).isEmpty();
    }

    @Test
    void serverCloseShutsEveryConnectionDown() {
        FakeEngineSocket engine = FakeEngineSocket.open(server);
        engine.connect("/");
        server.close();
        await().until(() -> engine.closedWith() != null);
        assertThat(engine.closedWith()).isEqualTo(DisconnectReason.SERVER_SHUTTING_DOWN);
    }
}
