package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.server.EngineRequest;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Reads what the Engine.IO server checks and keeps out of a WebFlux request, and nothing more:
 * sessions must not hold on to the request.
 */
final class EngineRequests {

    /** The only headers a session keeps. */
    static final List<String> KEPT_HEADERS = List.of("origin", "user-agent", "x-forwarded-for");

    private EngineRequests() {
    }

    static EngineRequest of(ServerRequest request, boolean upgrade) {
        return new EngineRequest(request.method().name(),
                request.queryParam("EIO").orElse(null),
                request.queryParam("transport").orElse(null),
                request.queryParam("sid").filter(sid -> !sid.isEmpty()).orElse(null),
                upgrade,
                request.headers().firstHeader(HttpHeaders.ORIGIN));
    }

    /** The Netty channel of the request's connection (which carries the WebSocket once upgraded). */
    static Channel channelOf(ServerRequest request) {
        HttpServerRequest nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        AtomicReference<Channel> channel = new AtomicReference<>();
        nativeRequest.withConnection(connection -> channel.set(connection.channel()));
        return channel.get();
    }

    static HandshakeData handshakeData(ServerRequest request) {
        return handshakeData(request.queryParams(), request.headers()::header, request.remoteAddress().orElse(null));
    }

    /**
     * What a session keeps of any handshake request: the first value of each query parameter and the
     * {@link #KEPT_HEADERS}, whichever server layer read them.
     */
    static HandshakeData handshakeData(Map<String, List<String>> parameters, Function<String, List<String>> header,
                                       InetSocketAddress remoteAddress) {
        Map<String, String> query = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!values.isEmpty() && values.get(0) != null) {
                query.put(name, values.get(0));
            }
        });
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            List<String> values = header.apply(name);
            if (!values.isEmpty()) {
                headers.put(name, List.copyOf(values));
            }
        }
        return new HandshakeData(query, headers, remoteAddress);
    }
}
