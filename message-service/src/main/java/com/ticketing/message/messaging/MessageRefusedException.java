package com.ticketing.message.messaging;

import com.ticketing.auth.web.ApiRefusal;
import com.ticketing.auth.web.ErrorCode;
import java.time.Duration;

/**
 * A message operation the rules refuse: the shared API error handler answers it over REST, the command
 * consumer turns it into {@code message.rejected}.
 */
public class MessageRefusedException extends RuntimeException implements ApiRefusal {

    private final Refusal refusal;
    private final Duration retryAfter;

    public MessageRefusedException(Refusal refusal, String message) {
        this(refusal, message, null);
    }

    public MessageRefusedException(Refusal refusal, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.refusal = refusal;
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    public Refusal refusal() {
        return refusal;
    }

    @Override
    public ErrorCode errorCode() {
        return switch (refusal) {
            case VALIDATION -> ErrorCode.VALIDATION;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case CONFLICT -> ErrorCode.CONFLICT;
            case RATE_LIMITED -> ErrorCode.RATE_LIMITED;
        };
    }

    static MessageRefusedException invalid(String message) {
        return new MessageRefusedException(Refusal.VALIDATION, message);
    }
}
