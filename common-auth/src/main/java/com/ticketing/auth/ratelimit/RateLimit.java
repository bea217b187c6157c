package com.ticketing.auth.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token-bucket policy: a full bucket holds {@code capacity} tokens and refills continuously at
 * {@code capacity} tokens per {@code period}; each action takes one token. "20 per 10 s" is
 * {@code new RateLimit(20, Duration.ofSeconds(10))}: a burst of 20, then one every 500 ms.
 */
public record RateLimit(int capacity, Duration period) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
        }
    }

    /** Nanoseconds it takes to earn one token back. */
    long nanosPerToken() {
        return Math.max(1, period.toNanos() / capacity);
    }
}
