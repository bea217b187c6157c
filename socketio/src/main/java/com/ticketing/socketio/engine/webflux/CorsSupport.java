package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.server.EngineIoOptions.Cors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * CORS for Engine.IO requests, as the reference server's {@code cors} middleware does it: the
 * allowed origin is echoed on every answer, and a preflight gets 204 with the methods and the
 * requested headers.
 */
final class CorsSupport {

    private static final String ALLOWED_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    private final Cors policy;

    CorsSupport(Cors policy) {
        this.policy = policy;
    }

    boolean enabled() {
        return policy.enabled();
    }

    /** Adds the CORS headers a response to {@code request} gets (none if the origin is not allowed). */
    void applyTo(ServerRequest request) {
        if (!policy.enabled()) {
            return;
        }
        HttpHeaders headers = request.exchange().getResponse().getHeaders();
        String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (!policy.allows(origin)) {
            return;
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if (policy.credentials()) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }

    /** The answer to a preflight OPTIONS request. */
    Mono<ServerResponse> preflight(ServerRequest request) {
        ServerResponse.BodyBuilder response = ServerResponse.status(204).header(HttpHeaders.CONTENT_LENGTH, "0");
        String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
        if (policy.allows(origin)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            String requested = request.headers().firstHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (requested != null) {
                response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested);
                response.header(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            }
        }
        return response.build();
    }
}
