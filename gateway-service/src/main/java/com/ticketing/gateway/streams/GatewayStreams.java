package com.ticketing.gateway.streams;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.gateway.config.GatewayProperties;
import com.ticketing.gateway.presence.InstanceLiveness;
import com.ticketing.gateway.presence.PresenceTopology;
import com.ticketing.gateway.presence.UserPresence;
import com.ticketing.gateway.transaction.TransactionParticipants;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Runs the gateway topology. Each instance has its own application id and reads the presence topic
 * from the beginning, so each holds the complete presence picture; the transaction participants
 * are a global store, complete on every instance as well.
 */
@Component
@DependsOn("topicsAtStartup") // the topics exist before the streams look for them
public class GatewayStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayStreams.class);

    private final GatewayProperties properties;
    private final KafkaSecurity security;
    private volatile KafkaStreams streams;

    public GatewayStreams(GatewayProperties properties, KafkaSecurity security) {
        this.properties = properties;
        this.security = security;
    }

    @Override
    public void start() {
        GatewayProperties.Presence presence = properties.presence();
        streams = new KafkaStreams(GatewayTopology.build(presence.instanceTimeout()),
                config());
        // A replaced thread would resume from committed offsets with empty in-memory presence stores and
        // answer wrongly from then on; better unavailable and DOWN in health, so the instance gets restarted.
        streams.setUncaughtExceptionHandler(failure -> {
            log.error("Gateway streams failed; presence and transaction checks are unavailable until restart", failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
    }

    private Properties config() {
        Properties config = new Properties();
        config.putAll(security.clientProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "gateway-" + properties.instanceId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.replicationFactor());
        config.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                TopicProvisioner.minInSyncReplicas(properties.replicationFactor()));
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Transaction participants come from an exactly-once producer: an aborted update grants nobody a room.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        return config;
    }

    /** Running, or briefly rebalancing: the stores will answer again shortly. */
    public boolean isAlive() {
        KafkaStreams current = streams;
        return current != null && (current.state() == KafkaStreams.State.RUNNING
                || current.state() == KafkaStreams.State.REBALANCING);
    }

    /** Running: the presence and participants stores answer (they refuse while rebalancing or restoring). */
    public boolean isServing() {
        KafkaStreams current = streams;
        return current != null && current.state() == KafkaStreams.State.RUNNING;
    }

    /** The Kafka Streams state, for health. */
    public String state() {
        KafkaStreams current = streams;
        return current == null ? "STOPPED" : current.state().name();
    }

    /** The presence store (userId → live sockets); throws {@link InvalidStateStoreException} until it can answer. */
    public ReadOnlyKeyValueStore<String, UserPresence> users() {
        return store(PresenceTopology.USERS_STORE);
    }

    /** Each instance's liveness (instanceId → {@link InstanceLiveness}); throws as {@link #users()}. */
    public ReadOnlyKeyValueStore<String, InstanceLiveness> instances() {
        return store(PresenceTopology.INSTANCES_STORE);
    }

    /** Which users have sockets on which instance ({@code instanceId \u0000 userId}); throws as {@link #users()}. */
    public ReadOnlyKeyValueStore<String, String> instanceUsers() {
        return store(PresenceTopology.INSTANCE_USERS_STORE);
    }

    /** The transaction participants global store; throws {@link InvalidStateStoreException} until it can answer. */
    public TransactionParticipants participants() {
        return TransactionParticipants.over(store(TransactionParticipants.STORE));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams current = streams;
        if (current == null || current.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("gateway streams are " + state() + ", not RUNNING");
        }
        return current.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    @Override
    public void stop() {
        KafkaStreams current = streams;
        if (current != null) {
            current.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
            current.cleanUp(); // the state of an instance id is never reused
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }
}
