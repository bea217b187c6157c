package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.server.EngineIoError;
import com.ticketing.socketio.engine.server.EngineIoRequestException;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.server.EngineSession;
import io.netty.channel.Channel;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The WebSocket transport: checks the upgrade request like any Engine.IO request, then either opens
 * a session over the socket (no sid) or lets the socket probe an upgrade of a polling session.
 */
final class WebSocketEndpoint {

    private final EngineIoServer server;
    private final WebSocketService service;

    WebSocketEndpoint(EngineIoServer server) {
        this.server = server;
        int maxPayload = server.options().maxPayload();
        // Reactor Netty's default frame limit is 65,536 bytes; the session's limit is maxPayload.
        this.service = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxPayload)));
    }

    Mono<ServerResponse> upgrade(ServerRequest request) {
        EngineSession existing = server.verify(EngineRequests.of(request, true));
        if (!EngineIoProtocol.WEBSOCKET.equals(request.queryParam("transport").orElse(null))) {
            throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "transport does not handle upgrades");
        }
        HandshakeData handshake = null;
        if (existing == null) {
            handshake = EngineRequests.handshakeData(request);
            server.authorize(handshake);
        }
        HandshakeData opening = handshake;
        Channel channel = EngineRequests.channelOf(request);
        return service.handleRequest(request.exchange(), socket -> connect(socket, channel, existing, opening))
                .then(Mono.empty());
    }

    private Mono<Void> connect(WebSocketSession socket, Channel channel, EngineSession existing,
                               HandshakeData handshake) {
        NettyWebSocketLink link = new NettyWebSocketLink(channel, () -> socket.close(CloseStatus.NORMAL));
        EngineSession session;
        if (existing == null) {
            session = server.openWebSocket(handshake, link);
        } else {
            session = existing;
            session.probe(link);
        }
        return socket.receive()
                .doOnNext(message -> receive(session, link, message))
                .takeUntilOther(link.closeRequested())
                .then()
                .doOnSuccess(done -> ended(session, link, null))
                .doOnError(failure -> ended(session, link, failure))
                .doOnCancel(() -> ended(session, link, null))
                .onErrorResume(failure -> !EngineIoFailures.isTooLarge(failure), failure -> Mono.empty());
    }

    private static void ended(EngineSession session, NettyWebSocketLink link, Throwable failure) {
        link.ended(); // Reactor Netty answers a client close or a failure itself (e.g. 1009 above maxPayload)
        session.onWebSocketClosed(link, EngineIoFailures.reasonFor(failure));
    }

    private static void receive(EngineSession session, NettyWebSocketLink link, WebSocketMessage message) {
        switch (message.getType()) {
            case TEXT -> session.onWebSocketText(link, message.getPayloadAsText());
            case BINARY -> session.onWebSocketBinary(link, bytesOf(message.getPayload()));
            default -> { } // WebSocket-level ping/pong: Reactor Netty answers pings itself
        }
    }

    private static byte[] bytesOf(DataBuffer payload) {
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        return bytes;
    }
}
