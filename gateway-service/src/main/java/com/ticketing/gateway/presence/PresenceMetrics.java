package com.ticketing.gateway.presence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Publishes the platform-wide online user count (from presence) as a gauge; NaN while presence is not ready. */
@Component
public class PresenceMetrics {

    public PresenceMetrics(PresenceService presence, MeterRegistry meters) {
        Gauge.builder("gateway.presence.online.users", presence, PresenceMetrics::onlineUsers)
                .description("Distinct users online across every gateway instance").register(meters);
    }

    private static double onlineUsers(PresenceService presence) {
        try {
            return presence.getOnlineUsersCount();
        } catch (RuntimeException notReady) {
            return Double.NaN;
        }
    }
}
