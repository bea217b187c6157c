package com.ticketing.events.payload.listing;

/** {@code listing.status_changed}: the listing moved to another status, optionally saying why. */
public record ListingStatusChanged(ListingStatus status, String reason) {
}
