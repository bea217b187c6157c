package com.ticketing.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Connection state recovery ({@code ticketing.socketio.recovery.*}, contract section 3).
 *
 * @param enabled         whether CONNECT replies carry a pid and events an offset
 * @param window          how long after losing its connection a client may resume
 * @param refresh         how often each live socket's session record is rewritten
 * @param memory          the most the window of recent records kept for replay may hold (direct memory,
 *                        outside the Java heap)
 * @param catchUpTimeout  how long a resume may wait for this gateway to have read as far as the client
 *                        had been sent, and for the session directory to be current
 */
@ConfigurationProperties("ticketing.socketio.recovery")
public record RecoveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2m") Duration window,
                                 @DefaultValue("30s") Duration refresh, @DefaultValue("64MB") DataSize memory,
                                 @DefaultValue("5s") Duration catchUpTimeout) {

    /** Records stay in memory for the window plus two refreshes: what a session record may be behind. */
    public Duration keep() {
        return window.plus(refresh).plus(refresh);
    }
}
