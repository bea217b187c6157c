package com.ticketing.auth.web;

import java.time.Duration;
import org.springframework.http.HttpStatusCode;

/**
 * A refusal a REST handler answers with: an error code, a message safe to show the caller, and
 * for {@link ErrorCode#RATE_LIMITED} how long to wait.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public static ApiException validation(String message) {
        return new ApiException(ErrorCode.VALIDATION, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException rateLimited(Duration retryAfter) {
        return new ApiException(ErrorCode.RATE_LIMITED, "Too many requests, retry later", retryAfter);
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status of the answer; the code's status unless a framework status is kept. */
    public HttpStatusCode status() {
        return code.status();
    }

    /** How long to wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
