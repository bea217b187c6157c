package com.ticketing.events.payload.listing;

import com.ticketing.events.payload.Money;

/** {@code listing.created}: a seller put tickets up for sale. */
public record ListingCreated(String sellerId, String title, Integer quantity, Money price) {
}
