package com.ticketing.events.payload.transaction;

/**
 * The payload of the transaction facts that carry nothing but an optional note:
 * {@code payment_received}, {@code payment_confirmed}, {@code completed} and {@code cancelled}.
 */
public record TransactionStep(String reason) {
}
