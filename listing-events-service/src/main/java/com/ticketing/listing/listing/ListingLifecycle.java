package com.ticketing.listing.listing;

import com.ticketing.events.payload.listing.ListingStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The status moves a listing may make: active to sold, expired or suspended; suspended back to active or to expired; sold and expired are final. */
public final class ListingLifecycle {

    private static final Map<ListingStatus, Set<ListingStatus>> MOVES = Map.of(
            ListingStatus.ACTIVE, EnumSet.of(ListingStatus.SOLD, ListingStatus.EXPIRED, ListingStatus.SUSPENDED),
            ListingStatus.SUSPENDED, EnumSet.of(ListingStatus.ACTIVE, ListingStatus.EXPIRED),
            ListingStatus.SOLD, EnumSet.noneOf(ListingStatus.class),
            ListingStatus.EXPIRED, EnumSet.noneOf(ListingStatus.class));

    private ListingLifecycle() {
    }

    /** Whether a listing in {@code from} may move to {@code to}. */
    public static boolean allows(ListingStatus from, ListingStatus to) {
        return MOVES.get(from).contains(to);
    }

    /** Whether nothing about a listing in this status may change any more. */
    public static boolean isFinal(ListingStatus status) {
        return MOVES.get(status).isEmpty();
    }
}
