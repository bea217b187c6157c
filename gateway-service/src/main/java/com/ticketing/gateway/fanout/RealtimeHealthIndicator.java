package com.ticketing.gateway.fanout;

import com.ticketing.gateway.streams.GatewayStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready (UP) once the update feed polls and the gateway's Kafka Streams run; OUT_OF_SERVICE while they
 * rebalance or restore (presence and transaction checks would refuse); DOWN otherwise.
 */
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
        Health.Builder health = !feed.isHealthy() || !streams.isAlive() ? Health.down()
                : streams.isServing() ? Health.up() : Health.outOfService();
        return health.withDetail("updateFeed", feed.isHealthy() ? "polling" : "not polling")
                .withDetail("streams", streams.state())
                .build();
    }
}
