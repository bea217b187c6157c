package com.ticketing.listing.stream;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code ticketing.streams.*} settings of the Kafka Streams application (environment:
 * {@code TICKETING_STREAMS_*}).
 *
 * @param bootstrapServers  Kafka, from {@code spring.kafka.bootstrap-servers} / {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param applicationId     the Streams application id (consumer group, changelog and state prefix); a new id replays from zero
 * @param stateDir          where RocksDB keeps the state stores
 * @param advertisedHost    host other instances reach this one at; with the HTTP port it is {@code application.server}
 * @param advertisedPort    port other instances reach this one at; 0 means the port the web server listens on
 * @param threads           stream threads
 * @param commitInterval    how often transactions commit (updates become visible to read_committed consumers);
 *                          each exactly-once commit costs the thread a few hundred ms of flush, offset commit and
 *                          markers whatever it carries, so at 100 ms a loaded thread spent most of its time committing
 *                          and fell seconds behind on some partitions; at 500 ms it kept up (README, "no-fault"),
 *                          and on an idle stack an update should wait at most about 600 ms for its commit (not measured)
 * @param replicationFactor replication of the changelog and repartition topics ({@code ticketing.kafka.replication-factor})
 * @param startTimeout      how long provisioning topics may take at start-up
 * @param closeTimeout      how long a clean shutdown may take
 * @param instanceId        this instance's stable name in the consumer group (static membership), e.g. its pod
 *                          name in a StatefulSet: an instance killed and started again under the same name takes
 *                          its tasks back at once instead of after the session timeout; blank: dynamic membership
 */
@Validated
@ConfigurationProperties("ticketing.streams")
public record StreamsProperties(@NotBlank String bootstrapServers,
                                @NotBlank @DefaultValue("listing-events-service") String applicationId,
                                @NotBlank String stateDir,
                                @NotBlank @DefaultValue("localhost") String advertisedHost,
                                @Min(0) @DefaultValue("0") int advertisedPort,
                                @Min(1) @DefaultValue("2") int threads,
                                @NotNull @DefaultValue("500ms") Duration commitInterval,
                                @Min(1) @DefaultValue("1") short replicationFactor,
                                @NotNull @DefaultValue("30s") Duration startTimeout,
                                @NotNull @DefaultValue("30s") Duration closeTimeout,
                                @DefaultValue("") String instanceId) {
}
