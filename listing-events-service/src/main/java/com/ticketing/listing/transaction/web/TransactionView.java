package com.ticketing.listing.transaction.web;

import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.listing.transaction.TransactionState;
import java.time.Instant;

/** The REST body of {@code GET /api/transactions/{id}}: the transaction's current state. */
public record TransactionView(String transactionId, String listingId, String buyerId, String sellerId, int quantity,
                              Money amount, TransactionStatus status, long version, Instant createdAt,
                              Instant updatedAt) {

    static TransactionView of(TransactionState state) {
        return new TransactionView(state.transactionId(), state.listingId(), state.buyerId(), state.sellerId(),
                state.quantity(), state.amount(), state.status(), state.version(), state.createdAt(), state.updatedAt());
    }
}
