package com.ticketing.events.payload.listing;

import com.ticketing.events.payload.Money;
import java.time.Instant;

/**
 * {@code listing.updated} on {@code realtime.listing-updates}: the full state of a listing after
 * one accepted event, and what that event changed. This is exactly the {@code listing:updated}
 * Socket.IO payload.
 *
 * @param version increases by one per accepted event, starting at 1 with {@code listing.created}
 * @param changes the fields this event changed, each as {@code {from, to}}; {@code price} carries whole {@link Money} values
 */
public record ListingUpdated(String listingId, long version, ListingStatus status, int quantity, Money price,
                             ListingChanges changes, Instant occurredAt) {
}
