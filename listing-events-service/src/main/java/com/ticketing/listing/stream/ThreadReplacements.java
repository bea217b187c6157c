package com.ticketing.listing.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often stream threads died and were replaced lately. One replacement is a hiccup; several within a
 * few minutes mean a record or a dependency kills every replacement, which health must report as DOWN
 * rather than let a crash loop look up.
 */
public final class ThreadReplacements {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** DOWN once {@code limit} replacements happened within {@code window}. */
    public ThreadReplacements(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** A stream thread died and is being replaced. */
    public synchronized void record() {
        recent.addLast(clock.instant());
        forgetOld();
    }

    /** Whether the replacements within the window reached the limit. */
    public synchronized boolean tooMany() {
        forgetOld();
        return recent.size() >= limit;
    }

    public synchronized int withinWindow() {
        forgetOld();
        return recent.size();
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }
}
