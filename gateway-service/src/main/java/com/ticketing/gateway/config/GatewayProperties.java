package com.ticketing.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own settings ({@code ticketing.gateway.*}).
 *
 * @param instanceId      this process's id in presence and in Kafka: the configured name (default the host
 *                        name) plus a random suffix, new at every start, so a restarted instance never
 *                        inherits the sockets of its previous life nor its Kafka Streams offsets (which
 *                        would skip the presence history its in-memory stores are rebuilt from)
 * @param bootstrapServers Kafka ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param replicationFactor replication factor of the topics it creates
 * @param stateDir        Kafka Streams state directory ({@code TICKETING_STREAMS_STATE_DIR})
 * @param presence        heartbeat and cleanup timing
 */
@ConfigurationProperties("ticketing.gateway")
public record GatewayProperties(String instanceId, String bootstrapServers, @DefaultValue("1") short replicationFactor,
                                Path stateDir, @DefaultValue Presence presence) {

    public GatewayProperties {
        String name = instanceId == null || instanceId.isBlank() ? hostName() : instanceId;
        instanceId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("ticketing.gateway.bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) is required");
        }
        if (stateDir == null || stateDir.toString().isBlank()) {
            stateDir = Path.of(System.getProperty("java.io.tmpdir"), "ticketing-gateway", instanceId);
        }
    }

    /**
     * @param heartbeatInterval how often this instance says it is alive
     * @param instanceTimeout   an instance silent this long has its sockets removed from presence; it is also
     *                          how often an instance checks that presence shows exactly its own sockets
     */
    public record Presence(@DefaultValue("2s") Duration heartbeatInterval, @DefaultValue("8s") Duration instanceTimeout) {

        public Presence {
            if (instanceTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("presence instance-timeout must be at least two heartbeat intervals");
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
