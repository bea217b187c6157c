package com.ticketing.listing.transaction;

import com.ticketing.events.topic.Topics;
import com.ticketing.listing.stream.AggregateTopology;
import com.ticketing.events.serde.JsonSerde;
import com.ticketing.listing.stream.TopicNames;
import org.apache.kafka.streams.Topology;

/** The transactions topology: {@code marketplace.transaction-events} to {@code realtime.transaction-updates}, refusals to its {@code .dlq}. */
public final class TransactionTopology {

    /** The state store holding the current {@link TransactionState} per transaction id. */
    public static final String STORE = "transaction-state";

    /** The contract's topics. */
    public static final TopicNames TOPICS = TopicNames.of(Topics.TRANSACTION_EVENTS, Topics.TRANSACTION_UPDATES);

    private TransactionTopology() {
    }

    /** The transactions topology on the contract's topics. */
    public static Topology build() {
        return addTo(new Topology(), TOPICS);
    }

    /** The transactions topology on other topics (tests). */
    public static Topology build(TopicNames topics) {
        return addTo(new Topology(), topics);
    }

    /** Adds the transaction nodes to a topology that may hold others. */
    public static Topology addTo(Topology topology, TopicNames topics) {
        return new AggregateTopology<>("transaction", topics, STORE, JsonSerde.of(TransactionState.class),
                new TransactionRules()).addTo(topology);
    }
}
