package com.ticketing.auth.web;

import org.springframework.core.io.buffer.DataBuffer;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiErrorBody} with its status (and {@code Retry-After}) onto a response. */
public final class ApiErrorWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ApiErrorWriter() {
    }

    /** Completes the response with the error; a response already committed is left alone. */
    public static Mono<Void> write(ServerHttpResponse response, ApiException error) {
        return write(response, error.status(), error.code().name(), error.getMessage(), error.retryAfter());
    }

    /** Completes the response with an error of any status; used for framework errors such as 405. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String code, String message,
                                   Duration retryAfter) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (retryAfter != null) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        byte[] body = MAPPER.writeValueAsBytes(new ApiErrorBody(new ApiErrorBody.Detail(code, message)));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
