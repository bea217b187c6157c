package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.server.EngineIoError;
import com.ticketing.socketio.engine.server.EngineIoRequestException;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.server.EngineSession;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The WebSocket upgrades that reach WebFlux: {@link NettyWebSocketUpgrade} takes every valid one on
 * the connection itself, so what arrives here is refused, with the reference server's error for
 * what is wrong with it. A valid upgrade arriving here means the Netty handler is not installed.
 */
final class WebSocketEndpoint {

    private final EngineIoServer server;

    WebSocketEndpoint(EngineIoServer server) {
        this.server = server;
    }

    Mono<ServerResponse> upgrade(ServerRequest request) {
        EngineSession existing = server.verify(EngineRequests.of(request, true));
        if (!EngineIoProtocol.WEBSOCKET.equals(request.queryParam("transport").orElse(null))) {
            throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "transport does not handle upgrades");
        }
        if (existing == null) {
            server.authorize(EngineRequests.handshakeData(request));
        }
        throw new EngineIoRequestException(EngineIoError.BAD_REQUEST,
                "WebSocket upgrades need NettyWebSocketUpgrade installed on the server");
    }
}
