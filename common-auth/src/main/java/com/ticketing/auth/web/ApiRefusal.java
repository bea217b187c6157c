package com.ticketing.auth.web;

import java.time.Duration;

/**
 * Implemented by a service's own refusal exceptions so that the one API error handler answers them
 * with the contract's code and status, without the service's domain depending on the web layer.
 */
public interface ApiRefusal {

    /** The contract's error code this refusal is answered with. */
    ErrorCode errorCode();

    /** A message safe to show the caller. */
    String getMessage();

    /** For a RATE_LIMITED refusal, when to retry ({@code Retry-After}); null when not known. */
    default Duration retryAfter() {
        return null;
    }
}
