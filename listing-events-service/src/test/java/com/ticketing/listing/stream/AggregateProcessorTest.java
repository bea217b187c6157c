package com.ticketing.listing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.serde.JsonSerde;
import com.ticketing.listing.dlq.RejectReason;
import com.ticketing.listing.listing.ListingRules;
import com.ticketing.listing.listing.ListingState;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.TopologyHarness;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An accepted event whose state the store cannot write must not kill the stream thread (exactly-once
 * would replay it into every replacement): it is parked as a processing error, the state stays as it
 * was, and the next record of the partition is processed.
 */
class AggregateProcessorTest {

    private static final String POISONED = "lst-poisoned";

    private final MarketplaceEvents events = new MarketplaceEvents();
    private final TopologyHarness harness = new TopologyHarness(topologyWithAStoreThatRefuses(POISONED),
            ListingTopology.TOPICS);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void anEventTheStoreCannotWriteIsParkedAndTheStreamGoesOn() {
        harness.send(events.listingCreated(POISONED));

        harness.assertRefused(RejectReason.PROCESSING_ERROR);
        assertThat(harness.updates()).isEmpty();
        assertThat(harness.<ListingState>store(ListingTopology.STORE).get(POISONED)).isNull();

        harness.send(events.listingCreated("lst-healthy"));
        assertThat(harness.updates()).hasSize(1);
    }

    /** The listings topology with a state serde that cannot write one listing's state. */
    private static Topology topologyWithAStoreThatRefuses(String listingId) {
        Serde<ListingState> json = JsonSerde.of(ListingState.class);
        Serializer<ListingState> refusing = (topic, state) -> {
            if (state != null && listingId.equals(state.listingId())) {
                throw new SerializationException("cannot write " + listingId);
            }
            return json.serializer().serialize(topic, state);
        };
        Deserializer<ListingState> reader = json.deserializer();
        Serde<ListingState> serde = Serdes.serdeFrom(refusing, reader);
        return new AggregateTopology<>("listing", ListingTopology.TOPICS, ListingTopology.STORE, serde, new ListingRules())
                .addTo(new Topology());
    }
}
