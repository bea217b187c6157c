package com.ticketing.e2e;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStep;
import com.ticketing.events.serde.CloudEventSerde;
import com.ticketing.events.topic.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the marketplace services: publishes listing and transaction facts to their input topics. */
final class Marketplace implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent<?>> producer;

    /** On the shared broker. */
    Marketplace() {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.kafka()));
    }

    /** With the given client configuration (another broker, credentials). */
    Marketplace(Map<String, Object> client) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerde.EventSerializer());
    }

    void listingCreated(String listingId, String sellerId, int quantity, String price) {
        publish(EventTypes.LISTING_CREATED, listingId,
                new ListingCreated(sellerId, "Two tickets, row F", quantity, Money.of(price, "USD")));
    }

    void priceChanged(String listingId, String price) {
        publish(EventTypes.LISTING_PRICE_CHANGED, listingId, new ListingPriceChanged(Money.of(price, "USD")));
    }

    void transactionCreated(String transactionId, String listingId, String buyerId, String sellerId) {
        publish(EventTypes.TRANSACTION_CREATED, transactionId,
                new TransactionCreated(listingId, buyerId, sellerId, 1, Money.of("120.00", "USD")));
    }

    void paymentReceived(String transactionId) {
        publish(EventTypes.TRANSACTION_PAYMENT_RECEIVED, transactionId, new TransactionStep(null));
    }

    private <T> void publish(EventType<T> type, String subject, T data) {
        CloudEvent<T> event = CloudEvent.of(type, "/e2e/marketplace", subject, data);
        String topic = Topics.carrying(type).orElseThrow().name();
        try {
            producer.send(new ProducerRecord<>(topic, subject, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.name(), e);
        }
    }

    /** Writes one event {@code times} times under its one id, as an at-least-once producer does after a retry. */
    void writeRepeatedly(CloudEvent<?> event, int times) {
        String topic = Topics.carrying(EventTypes.byName(event.type()).orElseThrow()).orElseThrow().name();
        try {
            for (int i = 0; i < times; i++) {
                producer.send(new ProducerRecord<>(topic, event.subject(), event)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write " + event.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
