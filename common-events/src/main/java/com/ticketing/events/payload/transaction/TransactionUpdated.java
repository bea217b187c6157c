package com.ticketing.events.payload.transaction;

import java.time.Instant;

/**
 * {@code transaction.updated} on {@code realtime.transaction-updates}: the {@code transaction:updated}
 * Socket.IO payload plus the two participants, which the gateway needs to authorise subscriptions.
 *
 * @param event the short name of the fact that caused it, e.g. {@code payment_received}
 */
public record TransactionUpdated(String transactionId, String listingId, TransactionStatus status,
                                 TransactionStatus previousStatus, String event, Instant occurredAt, long version,
                                 String buyerId, String sellerId) {
}
