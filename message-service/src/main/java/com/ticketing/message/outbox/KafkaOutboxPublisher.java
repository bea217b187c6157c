package com.ticketing.message.outbox;

import com.ticketing.events.kafka.DurableProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox entries with an idempotent, {@code acks=all} producer; the stored CloudEvent JSON
 * is sent byte for byte. One producer per relay; closed with it.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher, AutoCloseable {

    private static final Duration LINGER = Duration.ZERO; // the relay already sends a batch at a time

    private final Producer<String, byte[]> producer;
    private final Duration longestSend;

    public KafkaOutboxPublisher(Map<String, Object> clientProperties, Duration timeout) {
        this.producer = new KafkaProducer<>(producerConfig(clientProperties, timeout), new StringSerializer(),
                new ByteArraySerializer());
        this.longestSend = DurableProducer.longestSend(timeout, LINGER);
    }

    static Map<String, Object> producerConfig(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> config = DurableProducer.config(clientProperties,
                String.valueOf(clientProperties.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, "message-service-outbox")),
                timeout, LINGER);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    @Override
    public Mono<Void> publish(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        // send() may block on metadata, so it runs off the event loop; the futures complete on acks.
        return Mono.fromCallable(() -> sendAll(entries))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                // never before the producer itself gave up: a send left running would race the batch's retry
                .timeout(longestSend.plus(longestSend.dividedBy(10)))
                .then();
    }

    private CompletableFuture<Void> sendAll(List<OutboxEntry> entries) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            OutboxEntry entry = entries.get(i);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(entry.topic(), entry.recordKey(),
                            entry.payload().getBytes(StandardCharsets.UTF_8)),
                    (metadata, error) -> {
                        if (error == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(error);
                        }
                    });
            acks[i] = ack;
        }
        return CompletableFuture.allOf(acks);
    }

    @Override
    public void close() {
        producer.close(longestSend);
    }
}
