package com.ticketing.gateway.transaction;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.serde.JsonSerde;
import com.ticketing.events.topic.Topics;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Who may follow a transaction: its buyer and seller, projected from {@code realtime.transaction-updates}
 * into a global store, so every gateway instance knows every transaction's participants. Only the two
 * ids are kept per transaction, not the whole update.
 */
public final class TransactionParticipants {

    /** The global store of transactionId → {@link Participants}. */
    public static final String STORE = "transaction-participants";

    /** The store's value: the two users who may follow the transaction. */
    public record Participants(String buyerId, String sellerId) {

        boolean includes(String userId) {
            return userId.equals(buyerId) || userId.equals(sellerId);
        }
    }

    private final Function<String, Participants> lookup;

    public TransactionParticipants(Function<String, Participants> lookup) {
        this.lookup = lookup;
    }

    /** A view over the global store. */
    public static TransactionParticipants over(ReadOnlyKeyValueStore<String, Participants> store) {
        return new TransactionParticipants(store::get);
    }

    /**
     * Adds the global store to a topology under construction. The projection also runs when the store
     * is rebuilt from the topic at start-up ({@code StreamsBuilder#addGlobalStore} reprocesses on restore).
     */
    public static void addTo(StreamsBuilder builder) {
        var topic = Topics.TRANSACTION_UPDATES;
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        JsonSerde.of(Participants.class)).withLoggingDisabled(),
                topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()), Projection::new);
    }

    /** Whether {@code userId} is the buyer or the seller; empty if the transaction is not known yet. */
    public Optional<Boolean> isParticipant(String transactionId, String userId) {
        return Optional.ofNullable(lookup.apply(transactionId)).map(participants -> participants.includes(userId));
    }

    /** Keeps the participants of each transaction update. */
    private static final class Projection implements Processor<String, CloudEvent<?>, Void, Void> {
        private KeyValueStore<String, Participants> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, CloudEvent<?>> record) {
            CloudEvent<?> event = record.value();
            if (record.key() == null) {
                return;
            }
            if (event == null) {
                store.delete(record.key());
            } else if (event.is(EventTypes.TRANSACTION_UPDATED)) {
                TransactionUpdated update = event.dataAs(EventTypes.TRANSACTION_UPDATED);
                store.put(record.key(), new Participants(update.buyerId(), update.sellerId()));
            }
        }
    }
}
