package com.ticketing.launcher.simulate;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.transaction.TransactionStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The referee for the simulator test: the listing and transaction rules of the contract, written
 * independently of the simulator, applied to each event in order. {@link #apply} returns null when the
 * event is valid, or why the listing service would refuse it.
 */
final class MarketRules {

    private record Listing(String sellerId, ListingStatus status, int quantity, Money price) {
        boolean isFinal() {
            return status == ListingStatus.SOLD || status == ListingStatus.EXPIRED;
        }
    }

    private record Transaction(String buyerId, String sellerId, TransactionStatus status) {
    }

    private static final Map<ListingStatus, Set<ListingStatus>> LISTING_MOVES = Map.of(
            ListingStatus.ACTIVE, EnumSet.of(ListingStatus.SOLD, ListingStatus.EXPIRED, ListingStatus.SUSPENDED),
            ListingStatus.SUSPENDED, EnumSet.of(ListingStatus.ACTIVE, ListingStatus.EXPIRED),
            ListingStatus.SOLD, EnumSet.noneOf(ListingStatus.class),
            ListingStatus.EXPIRED, EnumSet.noneOf(ListingStatus.class));

    private final Map<String, Listing> listings = new HashMap<>();
    private final Map<String, Transaction> transactions = new HashMap<>();

    String apply(CloudEvent<?> event) {
        if (event.type().startsWith("ticketing.listing.")) {
            return applyListing(event);
        }
        return applyTransaction(event);
    }

    int openListings() {
        return (int) listings.values().stream().filter(listing -> !listing.isFinal()).count();
    }

    private String applyListing(CloudEvent<?> event) {
        String id = event.subject();
        Listing current = listings.get(id);
        if (event.is(EventTypes.LISTING_CREATED)) {
            var created = event.dataAs(EventTypes.LISTING_CREATED);
            if (current != null) return "duplicate listing " + id;
            if (created.title() == null || created.title().isBlank() || created.sellerId() == null) return "missing field";
            if (created.quantity() == null || created.quantity() <= 0) return "quantity must be positive";
            if (!created.price().isPositive() || !created.price().hasValidCurrency()) return "bad price " + created.price();
            listings.put(id, new Listing(created.sellerId(), ListingStatus.ACTIVE, created.quantity(), created.price()));
            return null;
        }
        if (current == null) return "unknown listing " + id;
        if (event.is(EventTypes.LISTING_PRICE_CHANGED)) {
            Money price = event.dataAs(EventTypes.LISTING_PRICE_CHANGED).price();
            if (current.isFinal()) return "price change on a " + current.status() + " listing";
            if (!price.isPositive()) return "price must be positive, was " + price.amount();
            if (!price.currency().equals(current.price().currency())) return "currency changed";
            if (price.sameValueAs(current.price())) return "unchanged price";
            listings.put(id, new Listing(current.sellerId(), current.status(), current.quantity(), price));
            return null;
        }
        if (event.is(EventTypes.LISTING_QUANTITY_CHANGED)) {
            Integer quantity = event.dataAs(EventTypes.LISTING_QUANTITY_CHANGED).quantity();
            if (current.isFinal()) return "quantity change on a " + current.status() + " listing";
            if (quantity == null || quantity < 0) return "negative quantity";
            if (quantity == current.quantity()) return "unchanged quantity";
            ListingStatus status = quantity == 0 && current.status() == ListingStatus.ACTIVE ? ListingStatus.SOLD : current.status();
            listings.put(id, new Listing(current.sellerId(), status, quantity, current.price()));
            return null;
        }
        ListingStatus next = event.dataAs(EventTypes.LISTING_STATUS_CHANGED).status();
        if (!LISTING_MOVES.get(current.status()).contains(next)) return "forbidden move " + current.status() + " -> " + next;
        if (next == ListingStatus.ACTIVE && current.quantity() == 0) return "active without tickets";
        listings.put(id, new Listing(current.sellerId(), next, current.quantity(), current.price()));
        return null;
    }

    private String applyTransaction(CloudEvent<?> event) {
        String id = event.subject();
        Transaction current = transactions.get(id);
        if (event.is(EventTypes.TRANSACTION_CREATED)) {
            var created = event.dataAs(EventTypes.TRANSACTION_CREATED);
            if (current != null) return "duplicate transaction " + id;
            Listing listing = listings.get(created.listingId());
            if (listing == null) return "transaction for an unknown listing";
            if (listing.status() != ListingStatus.ACTIVE) return "buying from a " + listing.status() + " listing";
            if (!listing.sellerId().equals(created.sellerId())) return "seller is not the listing's seller";
            if (created.buyerId().equals(created.sellerId())) return "buyer is the seller";
            if (created.quantity() <= 0 || created.quantity() > listing.quantity()) return "quantity " + created.quantity();
            if (!created.amount().isPositive() || !created.amount().currency().equals(listing.price().currency())) {
                return "bad amount " + created.amount();
            }
            transactions.put(id, new Transaction(created.buyerId(), created.sellerId(), TransactionStatus.PENDING));
            return null;
        }
        if (current == null) return "unknown transaction " + id;
        TransactionStatus from = current.status();
        TransactionStatus to;
        if (event.is(EventTypes.TRANSACTION_PAYMENT_RECEIVED)) {
            to = from == TransactionStatus.PENDING ? TransactionStatus.PAYMENT_RECEIVED : null;
        } else if (event.is(EventTypes.TRANSACTION_PAYMENT_CONFIRMED)) {
            to = from == TransactionStatus.PAYMENT_RECEIVED ? TransactionStatus.PAYMENT_CONFIRMED : null;
        } else if (event.is(EventTypes.TRANSACTION_COMPLETED)) {
            to = from == TransactionStatus.PAYMENT_CONFIRMED ? TransactionStatus.COMPLETED : null;
        } else if (event.is(EventTypes.TRANSACTION_DISPUTE_FILED)) {
            var dispute = event.dataAs(EventTypes.TRANSACTION_DISPUTE_FILED);
            if (!dispute.filedBy().equals(current.buyerId()) && !dispute.filedBy().equals(current.sellerId())) {
                return "dispute filed by a stranger";
            }
            if (dispute.reason() == null || dispute.reason().isBlank()) return "dispute without a reason";
            to = EnumSet.of(TransactionStatus.PAYMENT_RECEIVED, TransactionStatus.PAYMENT_CONFIRMED, TransactionStatus.COMPLETED)
                    .contains(from) ? TransactionStatus.DISPUTED : null;
        } else {
            to = from == TransactionStatus.PENDING || from == TransactionStatus.PAYMENT_RECEIVED ? TransactionStatus.CANCELLED : null;
        }
        if (to == null) return event.type() + " when " + from;
        transactions.put(id, new Transaction(current.buyerId(), current.sellerId(), to));
        return null;
    }
}
