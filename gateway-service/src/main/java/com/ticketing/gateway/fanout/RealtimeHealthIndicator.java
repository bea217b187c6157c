package com.ticketing.gateway.fanout;

import com.ticketing.gateway.streams.GatewayStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Down while the update feed cannot poll Kafka or the gateway's Kafka Streams are not running. */
@Component("realtime")
public class RealtimeHealthIndicator implements HealthIndicator {

    private final UpdateFeed feed;
    private final GatewayStreams streams;

    public RealtimeHealthIndicator(UpdateFeed feed, GatewayStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    @Override
    public Health health() {
        Health.Builder health = feed.isHealthy() && streams.isAlive() ? Health.up() : Health.down();
        return health.withDetail("updateFeed", feed.isHealthy() ? "polling" : "not polling")
                .withDetail("streams", streams.state())
                .build();
    }
}
