package com.ticketing.listing.listing;

import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.listing.stream.AggregateState;
import java.time.Instant;
import java.util.List;

/** The current state of one listing as kept in the listing state store and answered by the REST query. */
public record ListingState(String listingId, String sellerId, String title, ListingStatus status, int quantity,
                           Money price, long version, Instant createdAt, Instant updatedAt,
                           List<String> recentEventIds) implements AggregateState<ListingState> {

    public ListingState {
        recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    }

    @Override
    public ListingState withRecentEventIds(List<String> ids) {
        return new ListingState(listingId, sellerId, title, status, quantity, price, version, createdAt, updatedAt, ids);
    }

    ListingState withPrice(Money newPrice, Instant at) {
        return new ListingState(listingId, sellerId, title, status, quantity, newPrice, version + 1, createdAt, at,
                recentEventIds);
    }

    /** A new quantity, and the status it leaves the listing in, as one new version. */
    ListingState withQuantity(int newQuantity, ListingStatus newStatus, Instant at) {
        return new ListingState(listingId, sellerId, title, newStatus, newQuantity, price, version + 1, createdAt, at,
                recentEventIds);
    }

    ListingState withStatus(ListingStatus newStatus, Instant at) {
        return new ListingState(listingId, sellerId, title, newStatus, quantity, price, version + 1, createdAt, at,
                recentEventIds);
    }
}
