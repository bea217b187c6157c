package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.server.EngineIoError;
import com.ticketing.socketio.engine.server.EngineIoRequestException;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.server.EngineSession;
import com.ticketing.socketio.engine.server.PollResponder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The HTTP long-polling transport: GET opens a session or waits for its packets, POST carries the
 * client's packets.
 */
final class PollingEndpoint {

    private static final String PAYLOAD_CONTENT_TYPE = "text/plain; charset=UTF-8";
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final EngineIoServer server;
    private final int maxPayload;

    PollingEndpoint(EngineIoServer server) {
        this.server = server;
        this.maxPayload = server.options().maxPayload();
    }

    Mono<ServerResponse> get(ServerRequest request) {
        EngineSession session = server.verify(EngineRequests.of(request, false));
        if (session == null) {
            String openPacket = server.openPolling(EngineRequests.handshakeData(request),
                    EngineRequests.channelOf(request).eventLoop());
            return payload(openPacket);
        }
        return Mono.<String>create(sink -> {
            PollResponder responder = new PollResponder() {
                @Override
                public void respond(String payload) {
                    sink.success(payload);
                }

                @Override
                public void refuse(EngineIoError error) {
                    sink.error(new EngineIoRequestException(error, "poll refused"));
                }
            };
            sink.onCancel(() -> session.pollAborted(responder));
            session.attachPoll(responder);
        }).flatMap(PollingEndpoint::payload);
    }

    Mono<ServerResponse> post(ServerRequest request) {
        EngineSession session = server.verify(EngineRequests.of(request, false));
        if (session == null) {
            // verify() refuses a handshake by any method but GET
            throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "no session");
        }
        return Mono.fromCompletionStage(session.beginPost()).flatMap(allowed -> allowed
                ? receive(request, session)
                : Mono.error(new EngineIoRequestException(EngineIoError.BAD_REQUEST, "overlapping or refused POST")))
                // the client went away mid-POST: as the reference, the session ends (and no POST stays in flight)
                .doOnCancel(() -> session.abortPost(DisconnectReason.TRANSPORT_ERROR));
    }

    private Mono<ServerResponse> receive(ServerRequest request, EngineSession session) {
        if ("application/octet-stream".equals(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE))) {
            // v4 sends binary as base64 text; a binary body is a protocol violation
            session.abortPost(DisconnectReason.TRANSPORT_ERROR);
            return Mono.error(new EngineIoRequestException(EngineIoError.BAD_REQUEST, "binary POST body"));
        }
        if (request.headers().contentLength().orElse(0) > maxPayload) {
            session.abortPost(DisconnectReason.PAYLOAD_TOO_LARGE);
            return EngineIoFailures.payloadTooLarge();
        }
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), maxPayload)
                .map(PollingEndpoint::text)
                .defaultIfEmpty("")
                .doOnNext(session::endPost)
                .then(ServerResponse.ok()
                        .header(HttpHeaders.CONTENT_TYPE, "text/html") // as the reference, against download dialogs
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .bodyValue(OK))
                .onErrorResume(failure -> !(failure instanceof EngineIoRequestException), failure -> {
                    DisconnectReason reason = EngineIoFailures.reasonFor(failure);
                    session.abortPost(reason);
                    return reason == DisconnectReason.PAYLOAD_TOO_LARGE
                            ? EngineIoFailures.payloadTooLarge() : Mono.error(failure);
                });
    }

    private static Mono<ServerResponse> payload(String payload) {
        return ServerResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, PAYLOAD_CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .bodyValue(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(DataBuffer buffer) {
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
