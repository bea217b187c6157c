package com.ticketing.listing.stream;

import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.transaction.TransactionTopology;
import org.apache.kafka.streams.Topology;

/** The whole service's topology: listings and transactions as two independent sub-topologies of one application. */
public final class ServiceTopology {

    private ServiceTopology() {
    }

    /** Both topologies on the contract's topics. */
    public static Topology build() {
        return build(ListingTopology.TOPICS, TransactionTopology.TOPICS);
    }

    /** Both topologies on the given topics. */
    public static Topology build(TopicNames listings, TopicNames transactions) {
        Topology topology = new Topology();
        ListingTopology.addTo(topology, listings);
        TransactionTopology.addTo(topology, transactions);
        return topology;
    }
}
