package com.ticketing.listing.transaction;

import static com.ticketing.events.envelope.EventTypes.TRANSACTION_CANCELLED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_COMPLETED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_CREATED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_DISPUTE_FILED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_PAYMENT_CONFIRMED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_PAYMENT_RECEIVED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_UPDATED;
import static com.ticketing.listing.dlq.RejectReason.DUPLICATE_AGGREGATE;
import static com.ticketing.listing.dlq.RejectReason.FORBIDDEN_TRANSITION;
import static com.ticketing.listing.dlq.RejectReason.INVALID_DATA;
import static com.ticketing.listing.dlq.RejectReason.INVALID_PRICE;
import static com.ticketing.listing.dlq.RejectReason.INVALID_QUANTITY;
import static com.ticketing.listing.dlq.RejectReason.MISSING_FIELD;
import static com.ticketing.listing.dlq.RejectReason.UNKNOWN_AGGREGATE;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.payload.Money;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.transaction.DisputeFiled;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.listing.stream.AggregateRules;
import com.ticketing.listing.stream.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The transaction rules: a complete {@code created} starts it as pending; every other event is a step of {@link TransactionLifecycle}. */
public final class TransactionRules implements AggregateRules<TransactionState> {

    @Override
    public Set<EventType<?>> inputTypes() {
        return Set.of(TRANSACTION_CREATED, TRANSACTION_PAYMENT_RECEIVED, TRANSACTION_PAYMENT_CONFIRMED,
                TRANSACTION_COMPLETED, TRANSACTION_DISPUTE_FILED, TRANSACTION_CANCELLED);
    }

    @Override
    public EventType<?> updateType() {
        return TRANSACTION_UPDATED;
    }

    @Override
    public Outcome<TransactionState> decide(String transactionId, TransactionState current, CloudEvent<?> event) {
        String fact = EventTypes.byName(event.type()).orElseThrow().fact();
        if (event.is(TRANSACTION_CREATED)) {
            return create(transactionId, current, event.dataAs(TRANSACTION_CREATED), event.time());
        }
        if (current == null) {
            return Outcome.reject(UNKNOWN_AGGREGATE, "transaction " + transactionId + " was never created");
        }
        if (event.is(TRANSACTION_DISPUTE_FILED)) {
            DisputeFiled dispute = event.dataAs(TRANSACTION_DISPUTE_FILED);
            if (blank(dispute.filedBy()) || blank(dispute.reason())) {
                return Outcome.reject(MISSING_FIELD, "transaction.dispute_filed needs filedBy and reason");
            }
            if (!current.involves(dispute.filedBy())) {
                return Outcome.reject(INVALID_DATA, "filedBy must be the buyer or the seller, was " + dispute.filedBy());
            }
        }
        TransactionLifecycle.Step step = TransactionLifecycle.step(event.type()).orElseThrow();
        if (!step.from().contains(current.status())) {
            return Outcome.reject(FORBIDDEN_TRANSITION, "transaction." + fact + " is not allowed when the transaction is "
                    + current.status().wireName());
        }
        TransactionState next = current.moveTo(step.to(), event.time());
        return Outcome.accept(next, List.of(update(next, current.status(), fact, event.time())));
    }

    private Outcome<TransactionState> create(String transactionId, TransactionState current, TransactionCreated created,
                                             Instant at) {
        if (current != null) {
            return Outcome.reject(DUPLICATE_AGGREGATE, "transaction " + transactionId + " already exists");
        }
        if (blank(created.listingId()) || blank(created.buyerId()) || blank(created.sellerId())
                || created.quantity() == null || created.amount() == null || created.amount().amount() == null
                || blank(created.amount().currency())) {
            return Outcome.reject(MISSING_FIELD,
                    "transaction.created needs listingId, buyerId, sellerId, quantity and amount {amount, currency}");
        }
        if (created.buyerId().equals(created.sellerId())) {
            return Outcome.reject(INVALID_DATA, "buyer and seller must differ");
        }
        if (created.quantity() <= 0) {
            return Outcome.reject(INVALID_QUANTITY, "quantity must be positive, was " + created.quantity());
        }
        if (!created.amount().isPositive() || !created.amount().hasValidCurrency() || !created.amount().isWithinBounds()) {
            return Outcome.reject(INVALID_PRICE, "amount must be positive, in an ISO-4217 currency, with at most "
                    + Money.MAX_INTEGER_DIGITS + " digits before the point and " + Money.MAX_FRACTION_DIGITS + " after");
        }
        TransactionState state = new TransactionState(transactionId, created.listingId(), created.buyerId(),
                created.sellerId(), created.quantity(), created.amount(), TransactionStatus.PENDING, 1, at, at, List.of());
        return Outcome.accept(state, List.of(update(state, null, TRANSACTION_CREATED.fact(), at)));
    }

    private static TransactionUpdated update(TransactionState state, TransactionStatus previous, String fact, Instant at) {
        return new TransactionUpdated(state.transactionId(), state.listingId(), state.status(), previous, fact, at,
                state.version(), state.buyerId(), state.sellerId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
