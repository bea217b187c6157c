package com.ticketing.listing.transaction;

import static com.ticketing.events.envelope.EventTypes.TRANSACTION_CANCELLED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_COMPLETED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_DISPUTE_FILED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_PAYMENT_CONFIRMED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_PAYMENT_RECEIVED;
import static com.ticketing.events.payload.transaction.TransactionStatus.CANCELLED;
import static com.ticketing.events.payload.transaction.TransactionStatus.COMPLETED;
import static com.ticketing.events.payload.transaction.TransactionStatus.DISPUTED;
import static com.ticketing.events.payload.transaction.TransactionStatus.PAYMENT_CONFIRMED;
import static com.ticketing.events.payload.transaction.TransactionStatus.PAYMENT_RECEIVED;
import static com.ticketing.events.payload.transaction.TransactionStatus.PENDING;

import com.ticketing.events.payload.transaction.TransactionStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transaction life cycle: pending, payment_received, payment_confirmed, completed in that order;
 * a dispute once payment was received (completion included); cancellation only before payment is confirmed.
 */
public final class TransactionLifecycle {

    /** One step: the statuses it may start from and the status it leads to. */
    record Step(Set<TransactionStatus> from, TransactionStatus to) {
    }

    private static final Map<String, Step> STEPS = Map.of(
            TRANSACTION_PAYMENT_RECEIVED.name(), new Step(EnumSet.of(PENDING), PAYMENT_RECEIVED),
            TRANSACTION_PAYMENT_CONFIRMED.name(), new Step(EnumSet.of(PAYMENT_RECEIVED), PAYMENT_CONFIRMED),
            TRANSACTION_COMPLETED.name(), new Step(EnumSet.of(PAYMENT_CONFIRMED), COMPLETED),
            TRANSACTION_DISPUTE_FILED.name(), new Step(EnumSet.of(PAYMENT_RECEIVED, PAYMENT_CONFIRMED, COMPLETED), DISPUTED),
            TRANSACTION_CANCELLED.name(), new Step(EnumSet.of(PENDING, PAYMENT_RECEIVED), CANCELLED));

    private TransactionLifecycle() {
    }

    /** The step an event type makes, for every type but {@code created}. */
    static Optional<Step> step(String eventType) {
        return Optional.ofNullable(STEPS.get(eventType));
    }
}
