package com.ticketing.listing.transaction;

import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.listing.stream.AggregateState;
import java.time.Instant;
import java.util.List;

/** The current state of one transaction as kept in the transaction state store and answered by the REST query. */
public record TransactionState(String transactionId, String listingId, String buyerId, String sellerId, int quantity,
                               Money amount, TransactionStatus status, long version, Instant createdAt,
                               Instant updatedAt, List<String> recentEventIds)
        implements AggregateState<TransactionState> {

    public TransactionState {
        recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    }

    @Override
    public TransactionState withRecentEventIds(List<String> ids) {
        return new TransactionState(transactionId, listingId, buyerId, sellerId, quantity, amount, status, version,
                createdAt, updatedAt, ids);
    }

    /** Whether {@code userId} is the buyer or the seller. */
    public boolean involves(String userId) {
        return userId != null && (userId.equals(buyerId) || userId.equals(sellerId));
    }

    TransactionState moveTo(TransactionStatus next, Instant at) {
        return new TransactionState(transactionId, listingId, buyerId, sellerId, quantity, amount, next, version + 1,
                createdAt, at, recentEventIds);
    }
}
