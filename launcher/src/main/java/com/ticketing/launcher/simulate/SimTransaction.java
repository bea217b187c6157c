package com.ticketing.launcher.simulate;

import com.ticketing.events.payload.transaction.TransactionStatus;

/** What the simulator believes a transaction is now, mirrored from the events it published. */
final class SimTransaction {

    final String id;
    final SimListing listing;
    final String buyerId;
    final int quantity;
    TransactionStatus status = TransactionStatus.PENDING;

    SimTransaction(String id, SimListing listing, String buyerId, int quantity) {
        this.id = id;
        this.listing = listing;
        this.buyerId = buyerId;
        this.quantity = quantity;
    }
}
