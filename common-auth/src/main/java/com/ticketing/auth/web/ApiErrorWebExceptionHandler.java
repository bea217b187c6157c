package com.ticketing.auth.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where a REST failure becomes a status and the JSON error body: refusals
 * ({@link ApiException}), unreadable or invalid input, unknown routes and unexpected errors alike.
 * Applies to the protected API paths; other paths keep Spring Boot's default handling.
 */
public class ApiErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);

    /** Matched like the routes match: decoded segments, matrix parameters ignored ({@code /%61pi} is {@code /api}). */
    private final PathPattern apiPaths;

    public ApiErrorWebExceptionHandler(String apiPathPattern) {
        this.apiPaths = PathPatternParser.defaultInstance.parse(apiPathPattern);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!apiPaths.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return Mono.error(failure);
        }
        return ApiErrorWriter.write(exchange.getResponse(), toApiException(failure, exchange));
    }

    /** Maps any failure to the error the caller gets. */
    static ApiException toApiException(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof ApiRefusal refusal) {
            return new ApiException(refusal.errorCode(), refusal.getMessage(), refusal.retryAfter());
        }
        if (failure instanceof WebExchangeBindException bind) {
            String message = bind.getFieldErrors().stream()
                    .map(error -> error.getField() + ": " + error.getDefaultMessage())
                    .findFirst().orElse("invalid request");
            return ApiException.validation(message);
        }
        if (failure instanceof ServerWebInputException input) {
            return ApiException.validation(inputMessage(input));
        }
        if (failure instanceof DataBufferLimitException) {
            return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");
        }
        if (failure instanceof ResponseStatusException status) {
            return fromStatus(status.getStatusCode(), status.getReason());
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        return new ApiException(ErrorCode.INTERNAL, "Internal error");
    }

    private static ApiException fromStatus(HttpStatusCode status, String reason) {
        String message = reason != null ? reason : HttpStatus.valueOf(status.value()).getReasonPhrase();
        for (ErrorCode code : ErrorCode.values()) {
            if (code.status().value() == status.value()) {
                return new ApiException(code, message);
            }
        }
        return new StatusApiException(status, message);
    }

    private static String inputMessage(ServerWebInputException input) {
        Throwable cause = input.getCause();
        while (cause != null) {
            if (cause instanceof DecodingException) {
                return "Malformed JSON body: " + firstLine(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return input.getReason() != null ? input.getReason() : "Invalid request";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A framework status with no contract code of its own (405, 406, 415): keeps its status. */
    static final class StatusApiException extends ApiException {
        private final HttpStatusCode status;

        StatusApiException(HttpStatusCode status, String message) {
            super(status.is5xxServerError() ? ErrorCode.INTERNAL : ErrorCode.VALIDATION, message);
            this.status = status;
        }

        @Override
        public HttpStatusCode status() {
            return status;
        }
    }
}
