package com.ticketing.listing.listing;

import static com.ticketing.events.envelope.EventTypes.LISTING_CREATED;
import static com.ticketing.events.envelope.EventTypes.LISTING_PRICE_CHANGED;
import static com.ticketing.events.envelope.EventTypes.LISTING_QUANTITY_CHANGED;
import static com.ticketing.events.envelope.EventTypes.LISTING_STATUS_CHANGED;
import static com.ticketing.events.envelope.EventTypes.LISTING_UPDATED;
import static com.ticketing.listing.dlq.RejectReason.DUPLICATE_AGGREGATE;
import static com.ticketing.listing.dlq.RejectReason.FORBIDDEN_TRANSITION;
import static com.ticketing.listing.dlq.RejectReason.INVALID_DATA;
import static com.ticketing.listing.dlq.RejectReason.INVALID_PRICE;
import static com.ticketing.listing.dlq.RejectReason.INVALID_QUANTITY;
import static com.ticketing.listing.dlq.RejectReason.MISSING_FIELD;
import static com.ticketing.listing.dlq.RejectReason.UNCHANGED_VALUE;
import static com.ticketing.listing.dlq.RejectReason.UNKNOWN_AGGREGATE;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingChanges;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.listing.stream.AggregateRules;
import com.ticketing.listing.stream.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The listing rules: creation needs a positive quantity and price (amounts within {@link Money#isWithinBounds}),
 * a title of at most 500 characters; a price change needs a positive,
 * different amount in the listing's currency; a quantity change needs a quantity of at least zero,
 * and a quantity reaching zero sells an active listing (in the same update); status moves follow
 * {@link ListingLifecycle}; sold and expired listings take no change at all.
 */
public final class ListingRules implements AggregateRules<ListingState> {

    /** A title longer than this is no listing title, and state and updates must stay far below Kafka's record limit. */
    static final int MAX_TITLE_LENGTH = 500;
    static final int MAX_ID_LENGTH = 64;

    @Override
    public Set<EventType<?>> inputTypes() {
        return Set.of(LISTING_CREATED, LISTING_PRICE_CHANGED, LISTING_QUANTITY_CHANGED, LISTING_STATUS_CHANGED);
    }

    @Override
    public EventType<?> updateType() {
        return LISTING_UPDATED;
    }

    @Override
    public Outcome<ListingState> decide(String listingId, ListingState current, CloudEvent<?> event) {
        if (event.is(LISTING_CREATED)) {
            return create(listingId, current, event.dataAs(LISTING_CREATED), event.time());
        }
        if (current == null) {
            return Outcome.reject(UNKNOWN_AGGREGATE, "listing " + listingId + " was never created");
        }
        if (event.is(LISTING_PRICE_CHANGED)) {
            return changePrice(current, event.dataAs(LISTING_PRICE_CHANGED).price(), event.time());
        }
        if (event.is(LISTING_QUANTITY_CHANGED)) {
            return changeQuantity(current, event.dataAs(LISTING_QUANTITY_CHANGED).quantity(), event.time());
        }
        return changeStatus(current, event.dataAs(LISTING_STATUS_CHANGED).status(), event.time());
    }

    private Outcome<ListingState> create(String listingId, ListingState current, ListingCreated created, Instant at) {
        if (current != null) {
            return Outcome.reject(DUPLICATE_AGGREGATE, "listing " + listingId + " already exists");
        }
        if (blank(created.sellerId()) || blank(created.title()) || created.quantity() == null || incomplete(created.price())) {
            return Outcome.reject(MISSING_FIELD, "listing.created needs sellerId, title, quantity and price {amount, currency}");
        }
        if (created.quantity() <= 0) {
            return Outcome.reject(INVALID_QUANTITY, "quantity must be positive, was " + created.quantity());
        }
        if (created.title().length() > MAX_TITLE_LENGTH || created.sellerId().length() > MAX_ID_LENGTH) {
            return Outcome.reject(INVALID_DATA, "title must be at most " + MAX_TITLE_LENGTH + " characters and sellerId at most "
                    + MAX_ID_LENGTH);
        }
        String priceProblem = priceProblem(created.price());
        if (priceProblem != null) {
            return Outcome.reject(INVALID_PRICE, priceProblem);
        }
        ListingState state = new ListingState(listingId, created.sellerId(), created.title(), ListingStatus.ACTIVE,
                created.quantity(), created.price(), 1, at, at, List.of());
        // Creation changes no field: a {from: null} price would make the gateway announce a price change.
        return Outcome.accept(state, List.of(update(state, ListingChanges.NONE, at)));
    }

    private Outcome<ListingState> changePrice(ListingState current, Money price, Instant at) {
        if (incomplete(price)) {
            return Outcome.reject(MISSING_FIELD, "listing.price_changed needs price {amount, currency}");
        }
        if (ListingLifecycle.isFinal(current.status())) {
            return closed(current);
        }
        String priceProblem = priceProblem(price);
        if (priceProblem != null) {
            return Outcome.reject(INVALID_PRICE, priceProblem);
        }
        if (!price.currency().equals(current.price().currency())) {
            return Outcome.reject(INVALID_PRICE, "price must be in the listing's currency " + current.price().currency()
                    + ", was " + price.currency());
        }
        if (price.sameValueAs(current.price())) {
            return Outcome.reject(UNCHANGED_VALUE, "price is already " + price.amount() + " " + price.currency());
        }
        ListingState next = current.withPrice(price, at);
        return Outcome.accept(next, List.of(update(next, ListingChanges.NONE.withPrice(current.price(), price), at)));
    }

    private Outcome<ListingState> changeQuantity(ListingState current, Integer quantity, Instant at) {
        if (quantity == null) {
            return Outcome.reject(MISSING_FIELD, "listing.quantity_changed needs quantity");
        }
        if (ListingLifecycle.isFinal(current.status())) {
            return closed(current);
        }
        if (quantity < 0) {
            return Outcome.reject(INVALID_QUANTITY, "quantity must be zero or more, was " + quantity);
        }
        if (quantity == current.quantity()) {
            return Outcome.reject(UNCHANGED_VALUE, "quantity is already " + quantity);
        }
        ListingChanges changes = ListingChanges.NONE.withQuantity(current.quantity(), quantity);
        ListingStatus status = current.status();
        if (quantity == 0 && status == ListingStatus.ACTIVE) {
            // One accepted event, one update: the last tickets going sells the listing in the same version.
            changes = changes.withStatus(status, ListingStatus.SOLD);
            status = ListingStatus.SOLD;
        }
        ListingState next = current.withQuantity(quantity, status, at);
        return Outcome.accept(next, List.of(update(next, changes, at)));
    }

    private Outcome<ListingState> changeStatus(ListingState current, ListingStatus status, Instant at) {
        if (status == null) {
            return Outcome.reject(MISSING_FIELD, "listing.status_changed needs status");
        }
        if (!ListingLifecycle.allows(current.status(), status)) {
            return Outcome.reject(FORBIDDEN_TRANSITION, "a listing cannot move from " + current.status().wireName()
                    + " to " + status.wireName());
        }
        if (status == ListingStatus.ACTIVE && current.quantity() == 0) {
            return Outcome.reject(FORBIDDEN_TRANSITION, "a listing without tickets cannot become active");
        }
        ListingState next = current.withStatus(status, at);
        return Outcome.accept(next, List.of(update(next, ListingChanges.NONE.withStatus(current.status(), status), at)));
    }

    private static Outcome<ListingState> closed(ListingState current) {
        return Outcome.reject(FORBIDDEN_TRANSITION, "listing " + current.listingId() + " is " + current.status().wireName()
                + ", which is final");
    }

    private static ListingUpdated update(ListingState state, ListingChanges changes, Instant at) {
        return new ListingUpdated(state.listingId(), state.version(), state.status(), state.quantity(), state.price(),
                changes, at);
    }

    private static String priceProblem(Money price) {
        if (!price.isPositive()) {
            return "price must be positive, was " + price.amount();
        }
        if (!price.hasValidCurrency()) {
            return "currency must be an ISO-4217 code, was " + price.currency();
        }
        if (!price.isWithinBounds()) {
            return "amount must have at most " + Money.MAX_INTEGER_DIGITS + " digits before the point and "
                    + Money.MAX_FRACTION_DIGITS + " after";
        }
        return null;
    }

    private static boolean incomplete(Money price) {
        return price == null || price.amount() == null || blank(price.currency());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
