package com.ticketing.listing.stream;

import com.ticketing.events.serde.CloudEventSerde;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds one aggregate's sub-topology to a {@link Topology}: raw source, validating processor with a
 * persistent (RocksDB, changelogged) state store, update sink and dead-letter sink. No I/O.
 */
public record AggregateTopology<S extends AggregateState<S>>(String name, TopicNames topics, String storeName,
                                                              Serde<S> stateSerde, AggregateRules<S> rules,
                                                              int maxRecordBytes) {

    /**
     * The largest state or update a record may carry: below the producer's default
     * {@code max.request.size} (1,048,576) and the broker's {@code message.max.bytes}, with room for
     * the key, headers and batch overhead.
     */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    public AggregateTopology(String name, TopicNames topics, String storeName, Serde<S> stateSerde, AggregateRules<S> rules) {
        this(name, topics, storeName, stateSerde, rules, MAX_RECORD_BYTES);
    }

    /** Adds the nodes, named after {@code name}, and returns the same topology. */
    public Topology addTo(Topology topology) {
        String source = name + "-source";
        String processor = name + "-rules";
        String updatesSink = name + "-updates";
        String deadLetterSink = name + "-dead-letters";
        topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        topology.addProcessor(processor, () -> new AggregateProcessor<>(rules, storeName, stateSerde, maxRecordBytes,
                        updatesSink, deadLetterSink),
                source);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName),
                Serdes.String(), stateSerde), processor);
        // Sinks are typed by what the processor forwards to each: String/CloudEvent updates, raw dead letters.
        topology.addSink(updatesSink, topics.updates(), new StringSerializer(), new CloudEventSerde.EventSerializer(),
                processor);
        topology.addSink(deadLetterSink, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(),
                processor);
        return topology;
    }
}
