package com.ticketing.listing.query;

import org.apache.kafka.streams.state.HostInfo;

/** Where the state of one key is: here (found or absent), on another instance, or nowhere reachable right now. */
public sealed interface Lookup<V> {

    /** This instance owns the key and has a value. */
    record Found<V>(V value) implements Lookup<V> {
    }

    /** This instance owns the key and has no value: the aggregate does not exist. */
    record Absent<V>() implements Lookup<V> {
    }

    /** Another instance owns the key. */
    record Elsewhere<V>(HostInfo owner) implements Lookup<V> {
    }

    /** No instance can answer now (starting, rebalancing, restoring). */
    record Unavailable<V>(String reason) implements Lookup<V> {
    }
}
