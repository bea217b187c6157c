package com.ticketing.gateway.transaction;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.topic.Topics;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Who may follow a transaction: the latest {@code realtime.transaction-updates} record of every
 * transaction, materialised as a global store so every gateway instance knows every buyer and seller.
 */
public final class TransactionParticipants {

    /** The global store of transactionId → latest update event. */
    public static final String STORE = "transaction-participants";

    private final Function<String, CloudEvent<?>> lookup;

    public TransactionParticipants(Function<String, CloudEvent<?>> lookup) {
        this.lookup = lookup;
    }

    /** A view over the global store. */
    public static TransactionParticipants over(ReadOnlyKeyValueStore<String, CloudEvent<?>> store) {
        return new TransactionParticipants(store::get);
    }

    /** Adds the global table to a topology under construction. */
    public static void addTo(StreamsBuilder builder) {
        var topic = Topics.TRANSACTION_UPDATES;
        builder.globalTable(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()), Materialized.as(STORE));
    }

    /** The latest known update of a transaction, if the gateway has seen one. */
    public Optional<TransactionUpdated> latest(String transactionId) {
        CloudEvent<?> event = lookup.apply(transactionId);
        return event != null && event.is(EventTypes.TRANSACTION_UPDATED)
                ? Optional.of(event.dataAs(EventTypes.TRANSACTION_UPDATED)) : Optional.empty();
    }

    /** Whether {@code userId} is the buyer or the seller; empty if the transaction is not known yet. */
    public Optional<Boolean> isParticipant(String transactionId, String userId) {
        return latest(transactionId).map(update -> userId.equals(update.buyerId()) || userId.equals(update.sellerId()));
    }
}
