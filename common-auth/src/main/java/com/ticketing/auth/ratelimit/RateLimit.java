package com.ticketing.auth.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate-limit policy: at most {@code capacity} actions in any window of {@code period}. "20 per 10 s"
 * is {@code new RateLimit(20, Duration.ofSeconds(10))}: a 21st action is refused until the first of the
 * twenty is 10 s old.
 */
public record RateLimit(int capacity, Duration period) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
        }
    }
}
