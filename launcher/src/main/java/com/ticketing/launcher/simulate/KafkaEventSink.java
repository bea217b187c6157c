package com.ticketing.launcher.simulate;

import com.ticketing.events.kafka.DurableProducer;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.serde.CloudEventSerde;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes simulated events as CloudEvents JSON with acks=all and idempotence, as the marketplace services would. */
public final class KafkaEventSink implements EventSink {

    private final KafkaProducer<String, CloudEvent<?>> producer;

    public KafkaEventSink(String bootstrapServers, KafkaSecurity security) {
        producer = new KafkaProducer<>(security.with(DurableProducer.config(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), "ticketing-simulator",
                Duration.ofSeconds(30), Duration.ofMillis(5))),
                new StringSerializer(), new CloudEventSerde.EventSerializer());
    }

    @Override
    public CompletableFuture<Void> send(String topic, CloudEvent<?> event) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, event.subject(), event), (metadata, failure) -> {
            if (failure == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(failure);
            }
        });
        return sent;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
