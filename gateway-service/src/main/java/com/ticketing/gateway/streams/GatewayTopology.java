package com.ticketing.gateway.streams;

import com.ticketing.gateway.presence.PresenceTopology;
import com.ticketing.gateway.transaction.TransactionParticipants;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The gateway's one Kafka Streams topology: transaction participants (global) and presence. No I/O. */
public final class GatewayTopology {

    private GatewayTopology() {
    }

    public static Topology build(Duration instanceTimeout) {
        StreamsBuilder builder = new StreamsBuilder();
        TransactionParticipants.addTo(builder);
        return PresenceTopology.addTo(builder.build(), instanceTimeout);
    }
}
