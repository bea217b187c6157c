package com.ticketing.listing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.serde.JsonSerde;
import com.ticketing.listing.dlq.RejectReason;
import com.ticketing.listing.listing.ListingState;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.TopologyHarness;
import com.ticketing.listing.transaction.TransactionTopology;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

class ServiceTopologyTest {

    private final MarketplaceEvents events = new MarketplaceEvents();

    @Test
    void theServiceRunsListingsAndTransactionsSideBySide() {
        Topology topology = ServiceTopology.build();
        assertThat(topology.describe().subtopologies()).hasSize(2);
        try (TopologyHarness listings = new TopologyHarness(topology, ListingTopology.TOPICS)) {
            listings.send(events.listingCreated("lst-1"));
            assertThat(listings.singleUpdate(ListingUpdated.class).listingId()).isEqualTo("lst-1");
            assertThat(listings.<Object>store(ListingTopology.STORE).get("lst-1")).isNotNull();
            assertThat(listings.<Object>store(TransactionTopology.STORE).get("lst-1")).isNull();
        }
        try (TopologyHarness transactions = new TopologyHarness(ServiceTopology.build(), TransactionTopology.TOPICS)) {
            transactions.send(events.transactionCreated("txn-1"));
            assertThat(transactions.singleUpdate(TransactionUpdated.class).transactionId()).isEqualTo("txn-1");
        }
    }

    @Test
    void rulesThatFailUnexpectedlyParkTheEventAndTheStreamGoesOn() {
        TopicNames topics = new TopicNames("in", "out", "in.dlq");
        AggregateRules<ListingState> failing = new AggregateRules<>() {
            @Override
            public Set<EventType<?>> inputTypes() {
                return Set.of(EventTypes.LISTING_CREATED);
            }

            @Override
            public EventType<?> updateType() {
                return EventTypes.LISTING_UPDATED;
            }

            @Override
            public Outcome<ListingState> decide(String id,
                    ListingState current, CloudEvent<?> event) {
                throw new IllegalStateException("a bug");
            }
        };
        Topology topology = new AggregateTopology<>("failing", topics, "failing-state",
                JsonSerde.of(ListingState.class), failing).addTo(new Topology());
        try (TopologyHarness harness = new TopologyHarness(topology, topics)) {
            harness.send(events.listingCreated("lst-1"));
            harness.assertRefused(RejectReason.PROCESSING_ERROR);
            harness.send(events.listingCreated("lst-2"));
            harness.assertRefused(RejectReason.PROCESSING_ERROR);
        }
    }
}
