package com.ticketing.listing.stream;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the topology into a {@link StreamsRunner}; the topology itself is built without I/O. */
@Configuration(proxyBeanMethods = false)
public class StreamsConfiguration {

    /** The topics this service reads and writes, created at start-up if missing (unless {@code ticketing.kafka.provision-topics} is off). */
    static final List<Topic> TOPICS = List.of(Topics.LISTING_EVENTS, Topics.TRANSACTION_EVENTS, Topics.LISTING_UPDATES,
            Topics.TRANSACTION_UPDATES, Topics.LISTING_EVENTS.deadLetter(), Topics.TRANSACTION_EVENTS.deadLetter());

    /** How this service authenticates to Kafka ({@code ticketing.kafka.security}, {@code KAFKA_SECURITY_PROTOCOL} and friends). */
    @Bean
    KafkaSecurity kafkaSecurity(Environment environment) {
        return Binder.get(environment).bindOrCreate(KafkaSecurity.PREFIX, KafkaSecurity.class);
    }

    @Bean
    StreamsRunner streamsRunner(StreamsProperties settings, KafkaSecurity security, ApplicationContext context,
                                MeterRegistry meters,
                                @Value("${ticketing.kafka.provision-topics:true}") boolean provisionTopics) {
        StreamsRunner.PortSource port = () -> context instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 0;
        return new StreamsRunner(ServiceTopology.build(), provisionTopics ? TOPICS : List.of(), settings, security,
                port, meters);
    }

    /**
     * UP while Kafka Streams runs, OUT_OF_SERVICE while it rebalances or restores, DOWN otherwise, and DOWN
     * while stream threads keep dying (three replacements within five minutes: a crash loop).
     */
    @Bean
    HealthIndicator kafkaStreamsHealthIndicator(StreamsRunner runner) {
        return () -> {
            if (runner.replacements().tooMany()) {
                return Health.down().withDetail("threadReplacements", runner.replacements().withinWindow())
                        .withDetail("reason", "stream threads keep dying; see the log").build();
            }
            KafkaStreams streams = runner.streams();
            KafkaStreams.State state = streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
            // Ready only when RUNNING (contract section 2): while rebalancing or restoring, events would wait.
            Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up()
                    : state == KafkaStreams.State.REBALANCING ? Health.outOfService() : Health.down();
            return health.withDetail("state", state.name()).build();
        };
    }
}
