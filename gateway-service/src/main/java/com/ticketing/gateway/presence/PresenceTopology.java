package com.ticketing.gateway.presence;

import com.ticketing.events.serde.JsonSerde;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the presence topology: {@code gateway.presence-events} folded into a store of user → live
 * sockets, plus a store of instance → liveness used to drop the sockets of instances whose
 * heartbeats stopped. Every gateway instance runs it with its own application id over the whole
 * (single-partition) topic, so each holds the complete picture and answers the same. No I/O here.
 */
public final class PresenceTopology {

    /** Store of userId → {@link UserPresence}. */
    public static final String USERS_STORE = "presence-users";
    /** Store of instanceId → {@link InstanceLiveness}. */
    public static final String INSTANCES_STORE = "presence-instances";
    /** Store of {@code instanceId \u0000 userId} → "1": the users with sockets on an instance, one entry each. */
    public static final String INSTANCE_USERS_STORE = "presence-instance-users";

    private static final String SOURCE = "presence-events";
    private static final String FOLD = "presence-fold";

    private PresenceTopology() {
    }

    /**
     * Adds the presence nodes and stores to a topology under construction and returns it.
     *
     * @param instanceTimeout an instance not heard from for this long (in record time) has its sockets removed
     */
    public static Topology addTo(Topology topology, Duration instanceTimeout) {
        Topic topic = Topics.PRESENCE_EVENTS;
        topology.addSource(SOURCE, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
        topology.addProcessor(FOLD, () -> new PresenceProcessor(instanceTimeout), SOURCE);
        // Rebuilt from the topic at every start (each instance reads it from the beginning), so no changelog.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(USERS_STORE),
                Serdes.String(), JsonSerde.of(UserPresence.class)).withLoggingDisabled(), FOLD);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(INSTANCES_STORE),
                Serdes.String(), JsonSerde.of(InstanceLiveness.class)).withLoggingDisabled(), FOLD);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(INSTANCE_USERS_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled(), FOLD);
        return topology;
    }
}
