package com.ticketing.listing.support;

import static com.ticketing.events.envelope.EventTypes.*;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.payload.listing.ListingQuantityChanged;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingStatusChanged;
import com.ticketing.events.payload.transaction.DisputeFiled;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStep;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Deterministic marketplace input events for tests: fixed times, ids counting up from a prefix. */
public final class MarketplaceEvents {

    public static final Instant T0 = Instant.parse("2026-03-14T18:30:00Z");
    public static final String SOURCE = "/marketplace/test";

    private final String idPrefix;
    private final AtomicInteger sequence = new AtomicInteger();

    public MarketplaceEvents(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public MarketplaceEvents() {
        this("evt");
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** The next event of a type about a subject, at T0 plus one second per event. */
    public <T> CloudEvent<T> event(EventType<T> type, String subject, T data) {
        int n = sequence.incrementAndGet();
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, idPrefix + "-" + n, SOURCE, type.name(), T0.plusSeconds(n),
                subject, CloudEvent.JSON, data);
    }

    public CloudEvent<ListingCreated> listingCreated(String listingId, int quantity, Money price) {
        return event(LISTING_CREATED, listingId, new ListingCreated("alice", "Two tickets, row 5", quantity, price));
    }

    public CloudEvent<ListingCreated> listingCreated(String listingId) {
        return listingCreated(listingId, 2, usd("120.00"));
    }

    public CloudEvent<ListingPriceChanged> priceChanged(String listingId, Money price) {
        return event(LISTING_PRICE_CHANGED, listingId, new ListingPriceChanged(price));
    }

    public CloudEvent<ListingQuantityChanged> quantityChanged(String listingId, Integer quantity) {
        return event(LISTING_QUANTITY_CHANGED, listingId, new ListingQuantityChanged(quantity));
    }

    public CloudEvent<ListingStatusChanged> statusChanged(String listingId, ListingStatus status) {
        return event(LISTING_STATUS_CHANGED, listingId, new ListingStatusChanged(status, "test"));
    }

    public CloudEvent<TransactionCreated> transactionCreated(String transactionId) {
        return event(TRANSACTION_CREATED, transactionId,
                new TransactionCreated("lst-1", "bob", "alice", 2, usd("240.00")));
    }

    public CloudEvent<TransactionStep> step(EventType<TransactionStep> type, String transactionId) {
        return event(type, transactionId, new TransactionStep(null));
    }

    public CloudEvent<DisputeFiled> disputeFiled(String transactionId, String filedBy) {
        return event(TRANSACTION_DISPUTE_FILED, transactionId, new DisputeFiled(filedBy, "tickets never arrived"));
    }
}
