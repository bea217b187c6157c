package com.ticketing.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurableProducerTest {

    private static final Map<String, Object> CONNECTION = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");

    @ParameterizedTest
    @CsvSource({"15000, 2", "30000, 5", "20000, 0", "500, 0", "300000, 100"})
    void everyRecordIsAcknowledgedByAllReplicasOnceInOrderAndTheTimeoutsAgree(long giveUpMs, long lingerMs) {
        Duration giveUp = Duration.ofMillis(giveUpMs);
        Duration linger = Duration.ofMillis(lingerMs);
        Map<String, Object> config = DurableProducer.config(CONNECTION, "test", giveUp, linger);

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "test")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        long request = ((Number) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).longValue();
        long delivery = ((Number) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue();
        long block = ((Number) config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue();
        assertThat(delivery).as("given up only after the grant").isGreaterThanOrEqualTo(giveUpMs);
        assertThat(delivery).as("Kafka's own rule").isGreaterThanOrEqualTo(lingerMs + request);
        assertThat(DurableProducer.longestSend(giveUp, linger).toMillis()).isEqualTo(block + delivery);

        // the client accepts the combination (it refuses idempotence with an unsafe one)
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()).close(Duration.ZERO);
    }
}
