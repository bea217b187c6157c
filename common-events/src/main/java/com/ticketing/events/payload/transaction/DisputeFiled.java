package com.ticketing.events.payload.transaction;

/** {@code transaction.dispute_filed}: the buyer or the seller disputes the transaction. */
public record DisputeFiled(String filedBy, String reason) {
}
