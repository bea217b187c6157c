package com.ticketing.auth.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets (one key per user), framework-free and thread-safe. Each key's bucket is
 * updated atomically on its own map entry, so one user's flood never waits on another user's
 * bucket. A bucket that has refilled completely is equivalent to no bucket, so idle buckets are
 * swept once the map grows past {@code sweepThreshold} keys; memory stays bounded by the number of
 * users active within one period.
 */
public final class TokenBucketRateLimiter {

    private static final int DEFAULT_SWEEP_THRESHOLD = 10_000;

    private final RateLimit limit;
    private final LongSupplier nanoClock;
    private final int sweepThreshold;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    public TokenBucketRateLimiter(RateLimit limit) {
        this(limit, System::nanoTime, DEFAULT_SWEEP_THRESHOLD);
    }

    /** A limiter on the given clock (monotonic nanoseconds), for tests. */
    public TokenBucketRateLimiter(RateLimit limit, LongSupplier nanoClock, int sweepThreshold) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sweepThreshold = sweepThreshold;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** Takes one token from {@code key}'s bucket if it has one. */
    public RateLimitDecision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        Decision decision = new Decision();
        buckets.compute(key, (k, bucket) -> (bucket == null ? Bucket.full(limit, now) : bucket.refill(limit, now))
                .take(limit, decision));
        if (buckets.size() > sweepThreshold) {
            sweep(now);
        }
        return decision.result;
    }

    /** The policy this limiter applies. */
    public RateLimit limit() {
        return limit;
    }

    /** Number of keys with a bucket that is not known to be full (for metrics and tests). */
    public int trackedKeys() {
        return buckets.size();
    }

    private void sweep(long now) {
        long fullAfter = limit.period().toNanos();
        long last = lastSweep.get();
        if (now - last < fullAfter || !lastSweep.compareAndSet(last, now)) {
            return; // at most one sweep per period, by one thread
        }
        buckets.entrySet().removeIf(entry -> now - entry.getValue().updatedAt() >= fullAfter);
    }

    /** Tokens are counted in nanoseconds of refill time to stay exact without floating point. */
    private record Bucket(long tokenNanos, long updatedAt) {

        static Bucket full(RateLimit limit, long now) {
            return new Bucket(limit.nanosPerToken() * limit.capacity(), now);
        }

        Bucket refill(RateLimit limit, long now) {
            long max = limit.nanosPerToken() * limit.capacity();
            long elapsed = Math.max(0, now - updatedAt);
            return new Bucket(Math.min(max, tokenNanos + elapsed), now);
        }

        Bucket take(RateLimit limit, Decision decision) {
            long perToken = limit.nanosPerToken();
            if (tokenNanos >= perToken) {
                Bucket after = new Bucket(tokenNanos - perToken, updatedAt);
                decision.result = RateLimitDecision.allow((int) (after.tokenNanos / perToken));
                return after;
            }
            decision.result = RateLimitDecision.refuse(Duration.ofNanos(perToken - tokenNanos));
            return this;
        }
    }

    private static final class Decision {
        RateLimitDecision result;
    }
}
