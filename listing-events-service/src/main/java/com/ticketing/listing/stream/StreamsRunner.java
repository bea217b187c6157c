package com.ticketing.listing.stream;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the service's {@link Topology} in one {@link KafkaStreams} instance: provisions the topics it
 * uses, starts after the web server (whose port it advertises as {@code application.server}) and
 * closes cleanly before it stops.
 */
public class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final Topology topology;
    private final List<Topic> topics;
    private final StreamsProperties settings;
    private final KafkaSecurity security;
    private final PortSource port;
    private final MeterRegistry meters;

    private final ThreadReplacements replacements = new ThreadReplacements(3, Duration.ofMinutes(5), Clock.systemUTC());
    private volatile KafkaStreams streams;
    private volatile HostInfo self;
    private KafkaStreamsMetrics metrics;

    /** Where the advertised port comes from: the web server's, known only once it listens. */
    @FunctionalInterface
    public interface PortSource {
        int port();
    }

    /** @param topics the topics to create if missing; none when the cluster's operator creates them */
    public StreamsRunner(Topology topology, List<Topic> topics, StreamsProperties settings, KafkaSecurity security,
                         PortSource port, MeterRegistry meters) {
        this.topology = topology;
        this.topics = topics;
        this.settings = settings;
        this.security = security;
        this.port = port;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        provisionTopics();
        int advertisedPort = settings.advertisedPort() > 0 ? settings.advertisedPort() : port.port();
        self = new HostInfo(settings.advertisedHost(), advertisedPort);
        Properties props = StreamsSettings.of(settings, self.host(), self.port());
        props.putAll(security.clientProperties());
        KafkaStreams created = new KafkaStreams(topology, props);
        created.setUncaughtExceptionHandler(exception -> {
            replacements.record();
            log.error("Stream thread died; replacing it ({} replacements in the last 5 minutes)",
                    replacements.withinWindow(), exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((next, previous) -> log.info("Kafka Streams {} -> {}", previous, next));
        metrics = new KafkaStreamsMetrics(created);
        metrics.bindTo(meters);
        created.start();
        streams = created;
        log.info("Kafka Streams {} started as {}", settings.applicationId(), self);
    }

    private void provisionTopics() {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(security.with(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.startTimeout().toMillis())))) {
            new TopicProvisioner(admin, settings.replicationFactor()).provision(topics);
        }
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        streams = null;
        if (running != null) {
            // Leave the group on the way out: a restarted instance rejoins at once instead of waiting for
            // this member's session to time out while its partitions sit unassigned.
            running.close(new KafkaStreams.CloseOptions().timeout(settings.closeTimeout()).leaveGroup(true));
            metrics.close();
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** How often stream threads were replaced lately (health reports DOWN on a crash loop). */
    public ThreadReplacements replacements() {
        return replacements;
    }

    /** After the web server (so its port is known), before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512;
    }

    /** The running instance, or null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The {@code application.server} of this instance. */
    public HostInfo self() {
        return self;
    }
}
