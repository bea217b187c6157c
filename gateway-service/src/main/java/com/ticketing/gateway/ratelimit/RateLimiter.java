package com.ticketing.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets: {@code capacity} actions, refilled continuously over {@code window}.
 * Each key is updated atomically on its own, so one user's flood never waits on another's.
 * Buckets idle for two windows are forgotten.
 */
public final class RateLimiter {

    /** The answer to one attempt: allowed, or refused with how long until a token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    /** Tokens left after the last attempt, whether that attempt got one, and when it was. */
    private record Bucket(double tokens, boolean granted, long updatedNanos) {
    }

    private final int capacity;
    private final double tokensPerNano;
    private final long forgetAfterNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration window) {
        this(capacity, window, System::nanoTime);
    }

    RateLimiter(int capacity, Duration window, LongSupplier nanoClock) {
        if (capacity < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity and window");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) window.toNanos();
        this.forgetAfterNanos = window.toNanos() * 2;
        this.nanoClock = nanoClock;
    }

    /** Takes one token for {@code key} if there is one. */
    public Decision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.compute(key, (k, previous) -> {
            double tokens = previous == null ? capacity
                    : Math.min(capacity, previous.tokens() + (now - previous.updatedNanos()) * tokensPerNano);
            return tokens >= 1 ? new Bucket(tokens - 1, true, now) : new Bucket(tokens, false, now);
        });
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(idle -> now - idle.updatedNanos() > forgetAfterNanos);
        }
        if (bucket.granted()) {
            return new Decision(true, Duration.ZERO);
        }
        return new Decision(false, Duration.ofNanos((long) Math.ceil((1 - bucket.tokens()) / tokensPerNano)));
    }
}
