package com.ticketing.launcher.simulate;

import com.ticketing.events.payload.listing.ListingStatus;
import java.math.BigDecimal;

/** What the simulator believes a listing is now, mirrored from the events it published. */
final class SimListing {

    final String id;
    final String sellerId;
    final String currency;
    BigDecimal price;
    int quantity;
    ListingStatus status = ListingStatus.ACTIVE;

    SimListing(String id, String sellerId, String currency, BigDecimal price, int quantity) {
        this.id = id;
        this.sellerId = sellerId;
        this.currency = currency;
        this.price = price;
        this.quantity = quantity;
    }

    /** Sold and expired listings never change again. */
    boolean isFinal() {
        return status == ListingStatus.SOLD || status == ListingStatus.EXPIRED;
    }
}
