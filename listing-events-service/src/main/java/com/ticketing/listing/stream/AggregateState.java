package com.ticketing.listing.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one aggregate (a listing, a transaction): its version and the ids of the
 * last {@link #RECENT_EVENT_IDS} events it accepted, which make redelivered events harmless.
 */
public interface AggregateState<S extends AggregateState<S>> {

    /**
     * How many accepted event ids each aggregate remembers. Events of one aggregate arrive in order on
     * one partition, so a redelivery (producer retry, replayed batch) follows its original closely; a
     * per-aggregate window needs no wall clock or TTL, which keeps replays deterministic.
     */
    int RECENT_EVENT_IDS = 64;

    /** Increases by one per emitted update; 1 after creation. */
    long version();

    /** Accepted event ids, oldest first, at most {@link #RECENT_EVENT_IDS}. */
    List<String> recentEventIds();

    /** A copy with another list of remembered ids. */
    S withRecentEventIds(List<String> ids);

    /** Whether this aggregate already accepted the event with this id. */
    default boolean hasAccepted(String eventId) {
        return recentEventIds().contains(eventId);
    }

    /** A copy that remembers {@code eventId}, forgetting the oldest id beyond the bound. */
    default S remember(String eventId) {
        List<String> ids = new ArrayList<>(recentEventIds());
        ids.add(eventId);
        while (ids.size() > RECENT_EVENT_IDS) {
            ids.remove(0);
        }
        return withRecentEventIds(List.copyOf(ids));
    }
}
