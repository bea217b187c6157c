package com.ticketing.auth.ratelimit;

import java.time.Duration;

/** The answer to one attempt: allowed (with how many more the window has room for), or refused with how long to wait. */
public record RateLimitDecision(boolean allowed, int remaining, Duration retryAfter) {

    static RateLimitDecision allow(int remaining) {
        return new RateLimitDecision(true, remaining, Duration.ZERO);
    }

    static RateLimitDecision refuse(Duration retryAfter) {
        return new RateLimitDecision(false, 0, retryAfter);
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
