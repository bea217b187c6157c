package com.ticketing.events.payload.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The life-cycle states of a listing, written in lower case on the wire. */
public enum ListingStatus {
    ACTIVE, SOLD, EXPIRED, SUSPENDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ListingStatus fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
