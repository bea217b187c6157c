package com.ticketing.auth.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-key sliding-window limits (one key per user), framework-free and thread-safe: at most
 * {@code capacity} actions in any {@code period}, exactly as the contract words it ("20 messages per
 * 10 seconds"). A token bucket would let a whole second burst through as it refills. Each key keeps
 * the times of its accepted actions still inside the window, at most {@code capacity} of them, and is
 * updated atomically on its own map entry, so one user's flood never waits on another user. A key
 * whose last action left the window is equivalent to no key, so such keys are swept once the map
 * grows past {@code sweepThreshold}; memory stays bounded by the users active within one period.
 */
public final class SlidingWindowRateLimiter {

    private static final int DEFAULT_SWEEP_THRESHOLD = 10_000;

    private final RateLimit limit;
    private final LongSupplier nanoClock;
    private final int sweepThreshold;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    public SlidingWindowRateLimiter(RateLimit limit) {
        this(limit, System::nanoTime, DEFAULT_SWEEP_THRESHOLD);
    }

    /** A limiter on the given clock (monotonic nanoseconds), for tests. */
    public SlidingWindowRateLimiter(RateLimit limit, LongSupplier nanoClock, int sweepThreshold) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sweepThreshold = sweepThreshold;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** Counts one action for {@code key} if fewer than {@code capacity} were counted in the last period. */
    public RateLimitDecision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        RateLimitDecision[] decision = new RateLimitDecision[1];
        windows.compute(key, (k, window) -> {
            Window current = window != null ? window : new Window(limit.capacity());
            decision[0] = current.tryAccept(now, limit.period().toNanos());
            return current;
        });
        if (windows.size() > sweepThreshold) {
            sweep(now);
        }
        return decision[0];
    }

    /**
     * Gives back the latest action counted for {@code key}: for an action that turned out not to happen
     * (the request failed before anything was stored), so that its retry is not counted twice.
     */
    public void release(String key) {
        windows.computeIfPresent(key, (k, window) -> {
            window.releaseNewest();
            return window;
        });
    }

    /** The policy this limiter applies. */
    public RateLimit limit() {
        return limit;
    }

    /** Number of keys with actions possibly still inside the window (for metrics and tests). */
    public int trackedKeys() {
        return windows.size();
    }

    private void sweep(long now) {
        long period = limit.period().toNanos();
        long last = lastSweep.get();
        if (now - last < period || !lastSweep.compareAndSet(last, now)) {
            return; // at most one sweep per period, by one thread
        }
        for (String key : windows.keySet()) {
            // Atomic per key: an action accepted meanwhile keeps its window.
            windows.computeIfPresent(key, (k, window) -> window.isEmptyAt(now, period) ? null : window);
        }
    }

    /**
     * One key's accepted action times, oldest first, in a ring of {@code capacity} slots. Touched only
     * inside the map's {@code compute} for its key, so it needs no lock of its own.
     */
    private static final class Window {

        private final long[] acceptedAt;
        private int oldest;
        private int size;
        private long newest;

        Window(int capacity) {
            this.acceptedAt = new long[capacity];
        }

        RateLimitDecision tryAccept(long now, long period) {
            while (size > 0 && now - acceptedAt[oldest] >= period) {
                oldest = (oldest + 1) % acceptedAt.length;
                size--;
            }
            if (size == acceptedAt.length) {
                return RateLimitDecision.refuse(Duration.ofNanos(acceptedAt[oldest] + period - now));
            }
            acceptedAt[(oldest + size) % acceptedAt.length] = now;
            size++;
            newest = now;
            return RateLimitDecision.allow(acceptedAt.length - size);
        }

        void releaseNewest() {
            if (size > 0) {
                size--;
                newest = size == 0 ? newest : acceptedAt[(oldest + size - 1) % acceptedAt.length];
            }
        }

        boolean isEmptyAt(long now, long period) {
            return now - newest >= period;
        }
    }
}
