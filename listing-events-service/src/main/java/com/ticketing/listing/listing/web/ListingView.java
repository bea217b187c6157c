package com.ticketing.listing.listing.web;

import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.listing.listing.ListingState;
import java.time.Instant;

/** The REST body of {@code GET /api/listings/{id}}: the listing's current state. */
public record ListingView(String listingId, String sellerId, String title, ListingStatus status, int quantity,
                          Money price, long version, Instant createdAt, Instant updatedAt) {

    static ListingView of(ListingState state) {
        return new ListingView(state.listingId(), state.sellerId(), state.title(), state.status(), state.quantity(),
                state.price(), state.version(), state.createdAt(), state.updatedAt());
    }
}
