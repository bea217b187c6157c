package com.ticketing.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user limits ({@code ticketing.limits.*}).
 *
 * @param messages        message sends, socket and REST together
 * @param typingPerWindow typing signals of one user that reach Kafka in any 10 s
 * @param typingCoalesce  repeated {@code typing:start} to one receiver within this window are forwarded once
 * @param maxContentLength message content after trimming (in characters, i.e. code points)
 * @param maxRoomsPerSocket listings and transactions one socket may follow
 * @param connectAttempts CONNECT attempts of one user (accepted or not), beyond which they are
 *                        refused "Too many connection attempts"
 */
@ConfigurationProperties("ticketing.limits")
public record LimitsProperties(@DefaultValue Rate messages, @DefaultValue("30") int typingPerWindow,
                               @DefaultValue("3s") Duration typingCoalesce,
                               @DefaultValue("5000") int maxContentLength,
                               @DefaultValue("500") int maxRoomsPerSocket,
                               @DefaultValue("10") int connectAttempts,
                               @DefaultValue("10s") Duration connectAttemptsWindow) {

    /** At most {@code count} actions per {@code window}. */
    public record Rate(@DefaultValue("20") int count, @DefaultValue("10s") Duration window) {
    }
}
