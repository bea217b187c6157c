package com.ticketing.message.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-user send limit judged on when messages were sent: at most {@code capacity} in any window
 * of {@code period}, whatever order they are stored in. A send at {@code t} is admitted when, with the
 * user's other sends around it, no {@code capacity + 1} of them fall within less than one period. Pure:
 * the times come from the store, so every instance and every restart decides alike.
 */
public final class SendLimit {

    private final int capacity;
    private final Duration period;

    public SendLimit(int capacity, Duration period) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("capacity must be positive and period longer than zero");
        }
        this.capacity = capacity;
        this.period = period;
    }

    public int capacity() {
        return capacity;
    }

    public Duration period() {
        return period;
    }

    /** The user's other sends that matter for one at {@code t}: those strictly within a period of it. */
    public Instant from(Instant t) {
        return t.minus(period);
    }

    public Instant until(Instant t) {
        return t.plus(period);
    }

    /**
     * Whether a send at {@code t} is admitted, given the user's other send times strictly within one
     * period of it, in ascending order; null when admitted, else how long until a send now would be.
     */
    public Duration refusal(Instant t, List<Instant> others) {
        List<Instant> times = new ArrayList<>(others.size() + 1);
        int at = 0;
        for (Instant other : others) {
            if (!other.isAfter(t)) {
                at++;
            }
        }
        times.addAll(others.subList(0, at));
        times.add(t);
        times.addAll(others.subList(at, others.size()));
        for (int first = Math.max(0, at - capacity); first <= at && first + capacity < times.size(); first++) {
            if (Duration.between(times.get(first), times.get(first + capacity)).compareTo(period) < 0) {
                return retryAfter(t, times, at);
            }
        }
        return null;
    }

    /** When the window ending at {@code t} has room again: the oldest of the sends before {@code t} in it leaves. */
    private Duration retryAfter(Instant t, List<Instant> times, int at) {
        int oldestCounted = at - capacity;
        if (oldestCounted < 0) {
            return period; // refused for sends after t: wait a whole period
        }
        Duration wait = Duration.between(t, times.get(oldestCounted).plus(period));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }
}
