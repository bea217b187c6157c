package com.ticketing.events.payload.transaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The life-cycle states of a transaction, written in lower case on the wire. */
public enum TransactionStatus {
    PENDING, PAYMENT_RECEIVED, PAYMENT_CONFIRMED, COMPLETED, DISPUTED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TransactionStatus fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
