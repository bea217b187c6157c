package com.ticketing.gateway.socket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The sockets this instance holds, counted per user; feeds the per-user limit and the metrics. */
@Component
public class LocalSockets {

    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public LocalSockets(MeterRegistry meters) {
        Gauge.builder("gateway.sockets.connected", total, AtomicInteger::get)
                .description("Sockets connected to this instance").register(meters);
        Gauge.builder("gateway.users.connected", perUser, Map::size)
                .description("Distinct users with a socket on this instance").register(meters);
    }

    public int count(String userId) {
        AtomicInteger count = perUser.get(userId);
        return count == null ? 0 : count.get();
    }

    /** Counts a new socket of the user; returns how many the user now holds here. */
    int added(String userId) {
        total.incrementAndGet();
        return perUser.computeIfAbsent(userId, id -> new AtomicInteger()).incrementAndGet();
    }

    void removed(String userId) {
        perUser.computeIfPresent(userId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        total.decrementAndGet();
    }
}
