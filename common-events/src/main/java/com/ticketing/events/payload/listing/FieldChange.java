package com.ticketing.events.payload.listing;

/** The value of one field before and after an accepted event. */
public record FieldChange<T>(T from, T to) {
}
