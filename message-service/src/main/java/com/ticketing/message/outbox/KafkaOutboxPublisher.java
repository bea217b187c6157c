package com.ticketing.message.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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

    private final Producer<String, byte[]> producer;
    private final Duration timeout;

    public KafkaOutboxPublisher(Map<String, Object> clientProperties, Duration timeout) {
        this.producer = new KafkaProducer<>(producerConfig(clientProperties, timeout), new StringSerializer(),
                new ByteArraySerializer());
        this.timeout = timeout;
    }

    static Map<String, Object> producerConfig(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeoutMs = (int) timeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 30_000 + 1));
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
                .timeout(timeout.plus(timeout))
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
        producer.close(timeout);
    }
}
