package com.ticketing.listing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void aNamedInstanceJoinsItsGroupAsAStaticMember() {
        Properties props = StreamsSettings.of(settings("listing-events-service-1"), "localhost", 8082);
        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)))
                .isEqualTo("listing-events-service-1");
        // Kafka Streams itself makes each thread's id unique: <instanceId>-<thread index>.
        assertThat(new StreamsConfig(props).getMainConsumerConfigs("group", "client", 2)
                .get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("listing-events-service-1-2");
    }

    @Test
    void anUnnamedInstanceIsADynamicMember() {
        Properties props = StreamsSettings.of(settings(""), "localhost", 8082);
        assertThat(props).doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    }

    private static StreamsProperties settings(String instanceId) {
        return new StreamsProperties("localhost:9092", "listing-events-service", "/tmp/state", "localhost", 0, 2,
                Duration.ofMillis(100), (short) 3, Duration.ofSeconds(30), Duration.ofSeconds(30), instanceId);
    }
}
