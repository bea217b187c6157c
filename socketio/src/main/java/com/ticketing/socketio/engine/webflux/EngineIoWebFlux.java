package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.server.EngineIoError;
import com.ticketing.socketio.engine.server.EngineIoRequestException;
import com.ticketing.socketio.engine.server.EngineIoServer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Mounts an {@link EngineIoServer} on Spring WebFlux (Reactor Netty): one router serving
 * WebSocket upgrades, long-polling GET/POST and CORS preflight on the Engine.IO path, with and
 * without its trailing slash.
 *
 * <pre>{@code
 * EngineIoServer engine = new EngineIoServer(EngineIoOptions.defaults(), handler);
 * RouterFunction<ServerResponse> routes = EngineIoWebFlux.router(engine, "/socket.io/");
 * }</pre>
 */
public final class EngineIoWebFlux {

    private EngineIoWebFlux() {
    }

    /** The routes of {@code server} at {@code path} (e.g. {@code "/socket.io/"}). */
    public static RouterFunction<ServerResponse> router(EngineIoServer server, String path) {
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        RequestPredicate onPath = RequestPredicates.path(base).or(RequestPredicates.path(base + "/"));
        RequestPredicate upgrade = RequestPredicates.headers(
                headers -> "websocket".equalsIgnoreCase(headers.firstHeader(HttpHeaders.UPGRADE)));
        WebSocketEndpoint webSocket = new WebSocketEndpoint(server);
        PollingEndpoint polling = new PollingEndpoint(server);
        CorsSupport cors = new CorsSupport(server.options().cors());

        // Spring's method predicates match a preflight by its Access-Control-Request-Method: test the real one
        RequestPredicate preflight = request -> cors.enabled() && HttpMethod.OPTIONS.equals(request.method());
        return RouterFunctions.route()
                .route(onPath.and(preflight), cors::preflight)
                .GET(onPath.and(upgrade), webSocket::upgrade)
                .GET(onPath, polling::get)
                .POST(onPath, polling::post)
                .route(onPath, request -> {
                    // other methods: a handshake must be a GET, and polling knows only GET and POST
                    server.verify(EngineRequests.of(request, false));
                    throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, request.method().name());
                })
                .filter((request, next) -> {
                    cors.applyTo(request);
                    return Mono.defer(() -> next.handle(request))
                            .onErrorResume(EngineIoRequestException.class, EngineIoFailures::respond);
                })
                .build();
    }
}
