package com.ticketing.events.payload.listing;

/** {@code listing.quantity_changed}: the number of tickets still available changed. */
public record ListingQuantityChanged(Integer quantity) {
}
