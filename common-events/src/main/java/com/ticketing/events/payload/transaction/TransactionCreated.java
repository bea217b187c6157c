package com.ticketing.events.payload.transaction;

import com.ticketing.events.payload.Money;

/** {@code transaction.created}: a buyer started buying tickets of a listing; the transaction is pending. */
public record TransactionCreated(String listingId, String buyerId, String sellerId, Integer quantity, Money amount) {
}
