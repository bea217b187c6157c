package com.ticketing.events.payload.listing;

import com.ticketing.events.payload.Money;

/** {@code listing.price_changed}: the asking price per ticket changed. */
public record ListingPriceChanged(Money price) {
}
