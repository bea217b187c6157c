package com.ticketing.listing.listing;

import com.ticketing.events.topic.Topics;
import com.ticketing.listing.stream.AggregateTopology;
import com.ticketing.events.serde.JsonSerde;
import com.ticketing.listing.stream.TopicNames;
import org.apache.kafka.streams.Topology;

/** The listings topology: {@code marketplace.listing-events} to {@code realtime.listing-updates}, refusals to its {@code .dlq}. */
public final class ListingTopology {

    /** The state store holding the current {@link ListingState} per listing id. */
    public static final String STORE = "listing-state";

    /** The contract's topics. */
    public static final TopicNames TOPICS = TopicNames.of(Topics.LISTING_EVENTS, Topics.LISTING_UPDATES);

    private ListingTopology() {
    }

    /** The listings topology on the contract's topics. */
    public static Topology build() {
        return addTo(new Topology(), TOPICS);
    }

    /** The listings topology on other topics (tests, benchmark). */
    public static Topology build(TopicNames topics) {
        return addTo(new Topology(), topics);
    }

    /** The listings topology on other topics, with records limited to {@code maxRecordBytes} (tests). */
    public static Topology build(TopicNames topics, int maxRecordBytes) {
        return new AggregateTopology<>("listing", topics, STORE, JsonSerde.of(ListingState.class), new ListingRules(),
                maxRecordBytes).addTo(new Topology());
    }

    /** Adds the listing nodes to a topology that may hold others. */
    public static Topology addTo(Topology topology, TopicNames topics) {
        return new AggregateTopology<>("listing", topics, STORE, JsonSerde.of(ListingState.class), new ListingRules())
                .addTo(topology);
    }
}
