package com.ticketing.listing.stream;

import com.ticketing.events.topic.TopicProvisioner;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Turns {@link StreamsProperties} into the Kafka Streams configuration: exactly-once v2, RocksDB state in {@code stateDir}, host metadata for queries. */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /** The configuration for an instance reachable at {@code host:port}. */
    public static Properties of(StreamsProperties settings, String host, int port) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":" + port);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                TopicProvisioner.minInSyncReplicas(settings.replicationFactor()));
        // Sources read raw bytes and the processors decode, so deserialization cannot fail; should a
        // serde ever be put back at the source, a bad record is skipped rather than stopping the stream.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (!settings.instanceId().isBlank()) {
            // Static membership: each stream thread joins as <instanceId>-<thread>, so a restart under the same
            // name is no new member and needs no rebalance (a crashed member never leaves the group).
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), settings.instanceId());
        }
        return props;
    }
}
