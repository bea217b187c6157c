package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.server.EngineIoError;
import com.ticketing.socketio.engine.server.EngineIoRequestException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The one place where transport failures become a session's close reason and refused requests
 * become the reference server's HTTP error answers.
 */
final class EngineIoFailures {

    private EngineIoFailures() {
    }

    /** Why a session ends when its connection or request ended with {@code failure} (null: a normal end). */
    static DisconnectReason reasonFor(Throwable failure) {
        if (failure == null) {
            return DisconnectReason.TRANSPORT_CLOSE;
        }
        if (isTooLarge(failure)) {
            return DisconnectReason.PAYLOAD_TOO_LARGE;
        }
        return DisconnectReason.TRANSPORT_ERROR;
    }

    /** Whether {@code failure} means a frame, message or body was larger than maxPayload. */
    private static boolean isTooLarge(Throwable failure) {
        return failure instanceof DataBufferLimitException
                || failure instanceof TooLongFrameException
                || failure instanceof CorruptedWebSocketFrameException corrupted
                && corrupted.closeStatus() != null
                && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
    }

    /** The answer to a refused request: {@code {"code","message"}} as JSON, 400 or 403. */
    static Mono<ServerResponse> respond(EngineIoError error) {
        return ServerResponse.status(error.httpStatus())
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue(error.json().getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to a request refused with {@code failure}. */
    static Mono<ServerResponse> respond(EngineIoRequestException failure) {
        return respond(failure.error());
    }

    /** 413, for a POST body above maxPayload. */
    static Mono<ServerResponse> payloadTooLarge() {
        return ServerResponse.status(413).build();
    }
}
