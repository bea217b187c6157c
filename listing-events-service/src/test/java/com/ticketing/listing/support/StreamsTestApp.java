package com.ticketing.listing.support;

import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.listing.stream.StreamsProperties;
import com.ticketing.listing.stream.StreamsSettings;
import com.ticketing.listing.stream.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.awaitility.Awaitility;

/** A plain {@link KafkaStreams} on the shared embedded broker with the service's own settings (exactly-once v2, RocksDB). */
public final class StreamsTestApp implements AutoCloseable {

    private final KafkaStreams streams;

    private StreamsTestApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts {@code topology} as {@code applicationId} with state in {@code stateDir} and waits until it runs. */
    public static StreamsTestApp start(Topology topology, String applicationId, Path stateDir) {
        StreamsProperties settings = new StreamsProperties(KafkaTestSupport.brokers(), applicationId,
                stateDir.toAbsolutePath().toString(), "localhost", 0, 1, Duration.ofMillis(100), (short) 1,
                Duration.ofSeconds(30), Duration.ofSeconds(30), "");
        Properties props = StreamsSettings.of(settings, "localhost", 0);
        // Kafka Streams members do not leave the group on close; a short session lets a restarted
        // instance take its partitions back within seconds instead of 45.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return new StreamsTestApp(streams);
    }

    /** Creates the input, update and dead-letter topics of {@code names} with six partitions. */
    public static void createTopics(TopicNames... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestSupport.brokers()))) {
            List<Topic> topics = java.util.Arrays.stream(names)
                    .flatMap(n -> java.util.stream.Stream.of(n.input(), n.updates(), n.deadLetter()))
                    .distinct()
                    .map(name -> new Topic(name, 6, Map.of(), Set.of()))
                    .toList();
            new TopicProvisioner(admin, (short) 1).provision(topics);
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
