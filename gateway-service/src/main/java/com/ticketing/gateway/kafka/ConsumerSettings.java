package com.ticketing.gateway.kafka;

import com.ticketing.events.kafka.KafkaSecurity;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How every plain consumer of the gateway reads: partitions assigned by the gateway itself (no group,
 * nothing committed, since every instance reads every record) and committed records only.
 */
public final class ConsumerSettings {

    private ConsumerSettings() {
    }

    /** The configuration of a consumer named {@code clientId}; a mutable map, for callers to add their own. */
    public static Map<String, Object> withoutGroup(String bootstrapServers, KafkaSecurity security, String clientId) {
        return security.with(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // listing-events-service writes exactly-once: a transaction it aborted must reach nobody
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }
}
