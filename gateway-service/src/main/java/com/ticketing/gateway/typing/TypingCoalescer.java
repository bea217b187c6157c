package com.ticketing.gateway.typing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides which typing signals from one sender to one receiver are worth forwarding: a start is
 * forwarded unless a start was forwarded within the window, a stop unless the last signal forwarded
 * was already a stop. A pair this instance knows nothing about (a start forwarded by another
 * gateway, a forgotten pair) is always forwarded, so a needed stop is never swallowed.
 */
final class TypingCoalescer {

    /** A signal claimed for forwarding; {@link #release released} if it was not forwarded after all. */
    record Claim(boolean started, long at) {
    }

    private static final int SWEEP_THRESHOLD = 50_000;

    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** "sender receiver" → the last signal claimed for forwarding. */
    private final Map<String, Claim> lastForwarded = new ConcurrentHashMap<>();

    TypingCoalescer(long windowNanos, LongSupplier nanoClock) {
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
    }

    /** The claim to forward this signal now, or null when it repeats what was forwarded (coalesced). */
    Claim claim(String pair, boolean started) {
        long now = nanoClock.getAsLong();
        Claim mine = new Claim(started, now);
        Claim[] claimed = new Claim[1];
        lastForwarded.compute(pair, (key, last) -> {
            if (repeats(last, started, now)) {
                return last;
            }
            claimed[0] = mine;
            return mine;
        });
        if (lastForwarded.size() > SWEEP_THRESHOLD) {
            lastForwarded.values().removeIf(last -> now - last.at() > windowNanos * 10);
        }
        return claimed[0];
    }

    /** Forgets a claim whose signal was refused or not delivered, so the next signal is forwarded. */
    void release(String pair, Claim claim) {
        lastForwarded.remove(pair, claim);
    }

    private boolean repeats(Claim last, boolean started, long now) {
        if (last == null || last.started() != started) {
            return false;
        }
        return !started || now - last.at() < windowNanos;
    }
}
