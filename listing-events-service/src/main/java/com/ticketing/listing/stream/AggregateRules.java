package com.ticketing.listing.stream;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import java.util.Set;

/** The pure business rules of one aggregate: which events it takes and what each does to its state. */
public interface AggregateRules<S extends AggregateState<S>> {

    /** The input event types; anything else is {@code UNKNOWN_TYPE}. */
    Set<EventType<?>> inputTypes();

    /** The type of the update events this aggregate emits. */
    EventType<?> updateType();

    /**
     * Decides one event. {@code current} is null when the aggregate was never created. Must not
     * throw for any input; duplicates are filtered before this is called.
     */
    Outcome<S> decide(String aggregateId, S current, CloudEvent<?> event);
}
