package com.ticketing.gateway.kafka;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.kafka.DurableProducer;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.serde.CloudEventSerde;
import com.ticketing.events.topic.Topic;
import com.ticketing.gateway.config.GatewayProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes gateway events with acks=all and an idempotent producer. A publish completes when the
 * broker has acknowledged it. Records are handed to the producer on one dedicated thread: off the
 * event loop (the producer may block while it fetches metadata) and in call order (a typing stop
 * never overtakes its start). The gateway has two: one for message commands and typing, one for
 * presence, so that a flood of presence records can never delay or fail a user's message.
 */
public class EventPublisher implements DisposableBean {

    /** The bean name of the publisher of presence events. */
    public static final String PRESENCE = "presencePublisher";

    /** A caller is waiting: a send that has not been acknowledged by then is refused as UNAVAILABLE. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, CloudEvent<?>> producer;
    /** One thread hands records to the producer, so two publishes keep the order they were made in. */
    private final Scheduler sender;

    /** @param purpose names the producer's client id and its thread ({@code commands}, {@code presence}) */
    public EventPublisher(GatewayProperties properties, KafkaSecurity security, String purpose) {
        this.sender = Schedulers.newSingle("kafka-publish-" + purpose, true);
        this.producer = new KafkaProducer<>(producerConfig(properties.bootstrapServers(), security,
                "gateway-" + purpose + "-" + properties.instanceId()), new StringSerializer(),
                new CloudEventSerde.EventSerializer());
    }

    /**
     * How every producer of the gateway writes: acknowledged by all in-sync replicas, idempotent, and
     * quick to give up (a caller is waiting), as {@code clientId}.
     */
    public static Map<String, Object> producerConfig(String bootstrapServers, KafkaSecurity security, String clientId) {
        return security.with(DurableProducer.config(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                clientId, SEND_TIMEOUT, Duration.ofMillis(2)));
    }

    /** Publishes {@code event} to {@code topic} keyed by {@code key}; completes once acknowledged. */
    public Mono<RecordMetadata> publish(Topic topic, String key, CloudEvent<?> event) {
        if (!topic.carries(event)) {
            return Mono.error(new IllegalArgumentException(topic.name() + " does not carry " + event.type()));
        }
        return Mono.<RecordMetadata>create(sink -> producer.send(new ProducerRecord<>(topic.name(), key, event),
                        (metadata, failure) -> {
                            if (failure != null) {
                                sink.error(failure);
                            } else {
                                sink.success(metadata);
                            }
                        }))
                .subscribeOn(sender)
                .publishOn(Schedulers.parallel()); // callers' continuations never run on the producer's I/O thread
    }

    @Override
    public void destroy() {
        producer.close(java.time.Duration.ofSeconds(5));
        sender.dispose();
    }
}
