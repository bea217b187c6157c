package com.ticketing.listing.query;

import com.ticketing.listing.stream.StreamsRunner;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Interactive queries of the service's key-value stores: answers a key from the local store when
 * this instance owns its partition, and otherwise says which instance does (Kafka Streams host
 * metadata, from each instance's {@code application.server}).
 */
public class StateQuery {

    private final StreamsRunner runner;

    public StateQuery(StreamsRunner runner) {
        this.runner = runner;
    }

    /** Looks {@code key} up in {@code store}; the RocksDB read runs off the event loop. */
    public <V> Mono<Lookup<V>> lookup(String store, String key) {
        return Mono.fromCallable(() -> this.<V>lookupNow(store, key)).subscribeOn(Schedulers.boundedElastic());
    }

    private <V> Lookup<V> lookupNow(String store, String key) {
        KafkaStreams streams = runner.streams();
        if (streams == null || !streams.state().isRunningOrRebalancing()) {
            return new Lookup.Unavailable<>("the stream processor is not running");
        }
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Lookup.Unavailable<>("no instance owns the key yet");
        }
        if (!metadata.activeHost().equals(runner.self())) {
            return new Lookup.Elsewhere<>(metadata.activeHost());
        }
        try {
            ReadOnlyKeyValueStore<String, V> local = streams.store(StoreQueryParameters
                    .fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(metadata.partition()));
            V value = local.get(key);
            return value == null ? new Lookup.Absent<>() : new Lookup.Found<>(value);
        } catch (InvalidStateStoreException e) {
            return new Lookup.Unavailable<>("the store is being restored or migrated: " + e.getMessage());
        }
    }
}
