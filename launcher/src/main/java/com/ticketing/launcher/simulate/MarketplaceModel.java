package com.ticketing.launcher.simulate;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.payload.listing.ListingQuantityChanged;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingStatusChanged;
import com.ticketing.events.payload.transaction.DisputeFiled;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.events.payload.transaction.TransactionStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A marketplace that only ever does what the listing rules allow: it keeps about {@code targetListings}
 * open listings, and each {@link #next} is one plausible fact about them (a new listing, a price drop,
 * a buyer starting a transaction, a payment step, now and then a dispute or a cancellation). Pure: no
 * I/O, and the same seed gives the same sequence.
 */
final class MarketplaceModel {

    static final String SOURCE = "/simulator/marketplace";
    private static final BigDecimal MIN_PRICE = new BigDecimal("5.00");
    private static final int RECENTLY_COMPLETED = 50;
    private static final List<String> DISPUTES = List.of("Tickets were not delivered", "Seats differ from the listing",
            "Event was rescheduled", "Tickets were already scanned", "Charged twice");
    private static final List<String> CANCELLATIONS = List.of("Buyer changed their mind", "Payment failed",
            "Seller withdrew the tickets", "Timed out waiting for payment");

    /** The kinds of step the model chooses between, with their relative weights. */
    private enum Action {
        PRICE(30), QUANTITY(8), STATUS(5), BUY(18), ADVANCE(32), DISPUTE(2), CANCEL(5);

        final int weight;

        Action(int weight) {
            this.weight = weight;
        }
    }

    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(Action.values()).mapToInt(a -> a.weight).sum();

    private final RandomGenerator random;
    private final int targetListings;
    private final String run;
    private final List<SimListing> open = new ArrayList<>();
    private final List<SimTransaction> inFlight = new ArrayList<>();
    private final Deque<SimTransaction> recentlyCompleted = new ArrayDeque<>();
    /** Facts that must follow the last one (a sale lowers the listing's quantity). */
    private final Deque<CloudEvent<?>> followUps = new ArrayDeque<>();
    private int listings;
    private int transactions;

    /**
     * @param run a short tag in every id, so runs against the same Kafka never reuse an aggregate id
     */
    MarketplaceModel(RandomGenerator random, int targetListings, String run) {
        if (targetListings < 1) {
            throw new IllegalArgumentException("at least one listing");
        }
        this.random = random;
        this.targetListings = targetListings;
        this.run = run;
    }

    /** The next fact, happening at {@code at}. */
    CloudEvent<?> next(Instant at) {
        if (!followUps.isEmpty()) {
            return followUps.poll();
        }
        if (open.size() < targetListings && (open.size() < 2 || random.nextBoolean())) {
            return createListing(at);
        }
        Action action = chooseAction();
        Optional<CloudEvent<?>> event = switch (action) {
            case PRICE -> changePrice(at);
            case QUANTITY -> changeQuantity(at);
            case STATUS -> changeStatus(at);
            case BUY -> startTransaction(at);
            case ADVANCE -> advanceTransaction(at);
            case DISPUTE -> fileDispute(at);
            case CANCEL -> cancelTransaction(at);
        };
        return event.or(() -> changePrice(at)).orElseGet(() -> createListing(at));
    }

    /** A few listing ids that are open now (to watch on the demo page). */
    List<String> someOpenListings(int count) {
        return open.stream().filter(listing -> listing.status == ListingStatus.ACTIVE).limit(count)
                .map(listing -> listing.id).toList();
    }

    private Action chooseAction() {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Action action : Action.values()) {
            roll -= action.weight;
            if (roll < 0) {
                return action;
            }
        }
        throw new AssertionError("weights");
    }

    private CloudEvent<?> createListing(Instant at) {
        Catalog.Offer offer = Catalog.offer(random);
        String currency = Catalog.currency(random);
        BigDecimal price = BigDecimal.valueOf(offer.basePrice()).setScale(2, RoundingMode.HALF_UP);
        int quantity = 1 + random.nextInt(6);
        SimListing listing = new SimListing(String.format("lst-%s-%04d", run, ++listings), Catalog.seller(random),
                currency, price, quantity);
        open.add(listing);
        return event(EventTypes.LISTING_CREATED, listing.id, at,
                new ListingCreated(listing.sellerId, offer.title(), quantity, new Money(price, currency)));
    }

    /** Mostly price drops (sellers chasing buyers), sometimes a rise; never below the floor, never the same value. */
    private Optional<CloudEvent<?>> changePrice(Instant at) {
        return pick(open).map(listing -> {
            boolean drop = random.nextInt(4) != 0;
            double factor = drop ? 1 - (0.03 + random.nextDouble() * 0.12) : 1 + (0.02 + random.nextDouble() * 0.08);
            BigDecimal next = listing.price.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP).max(MIN_PRICE);
            if (next.compareTo(listing.price) == 0) {
                next = listing.price.add(BigDecimal.ONE);
            }
            listing.price = next;
            return event(EventTypes.LISTING_PRICE_CHANGED, listing.id, at,
                    new ListingPriceChanged(new Money(next, listing.currency)));
        });
    }

    /** The seller adds or withdraws a ticket; zero only ever comes from a sale. */
    private Optional<CloudEvent<?>> changeQuantity(Instant at) {
        return pick(open).map(listing -> {
            int next = listing.quantity > 1 && random.nextBoolean() ? listing.quantity - 1 : listing.quantity + 1 + random.nextInt(2);
            listing.quantity = next;
            return event(EventTypes.LISTING_QUANTITY_CHANGED, listing.id, at, new ListingQuantityChanged(next));
        });
    }

    /** active → suspended or expired; suspended → active (with tickets left) or expired. */
    private Optional<CloudEvent<?>> changeStatus(Instant at) {
        return pick(open).map(listing -> {
            ListingStatus next;
            String reason;
            if (listing.status == ListingStatus.ACTIVE) {
                next = random.nextInt(5) < 3 ? ListingStatus.SUSPENDED : ListingStatus.EXPIRED;
                reason = next == ListingStatus.SUSPENDED ? "Under review by trust & safety" : "Event date passed";
            } else {
                next = listing.quantity > 0 && random.nextInt(10) < 7 ? ListingStatus.ACTIVE : ListingStatus.EXPIRED;
                reason = next == ListingStatus.ACTIVE ? "Review passed" : "Not reinstated before the event";
            }
            listing.status = next;
            if (listing.isFinal()) {
                open.remove(listing);
            }
            return event(EventTypes.LISTING_STATUS_CHANGED, listing.id, at, new ListingStatusChanged(next, reason));
        });
    }

    private Optional<CloudEvent<?>> startTransaction(Instant at) {
        return pick(open, listing -> listing.status == ListingStatus.ACTIVE && listing.quantity > 0).map(listing -> {
            String buyer = Catalog.buyer(random);
            int quantity = 1 + random.nextInt(Math.min(4, listing.quantity));
            SimTransaction transaction = new SimTransaction(String.format("txn-%s-%05d", run, ++transactions), listing,
                    buyer, quantity);
            inFlight.add(transaction);
            BigDecimal amount = listing.price.multiply(BigDecimal.valueOf(quantity));
            return event(EventTypes.TRANSACTION_CREATED, transaction.id, at, new TransactionCreated(listing.id, buyer,
                    listing.sellerId, quantity, new Money(amount, listing.currency)));
        });
    }

    /** pending → payment_received → payment_confirmed → completed; completion lowers the listing's quantity. */
    private Optional<CloudEvent<?>> advanceTransaction(Instant at) {
        return pick(inFlight).map(transaction -> switch (transaction.status) {
            case PENDING -> step(transaction, TransactionStatus.PAYMENT_RECEIVED, EventTypes.TRANSACTION_PAYMENT_RECEIVED, at);
            case PAYMENT_RECEIVED -> step(transaction, TransactionStatus.PAYMENT_CONFIRMED,
                    EventTypes.TRANSACTION_PAYMENT_CONFIRMED, at);
            default -> complete(transaction, at);
        });
    }

    private CloudEvent<?> complete(SimTransaction transaction, Instant at) {
        CloudEvent<?> completed = step(transaction, TransactionStatus.COMPLETED, EventTypes.TRANSACTION_COMPLETED, at);
        recentlyCompleted.addLast(transaction);
        if (recentlyCompleted.size() > RECENTLY_COMPLETED) {
            recentlyCompleted.removeFirst();
        }
        SimListing listing = transaction.listing;
        if (!listing.isFinal() && listing.quantity >= transaction.quantity) {
            listing.quantity -= transaction.quantity;
            // The listing service marks an active listing that runs out of tickets sold by itself.
            if (listing.quantity == 0 && listing.status == ListingStatus.ACTIVE) {
                listing.status = ListingStatus.SOLD;
                open.remove(listing);
            }
            followUps.add(event(EventTypes.LISTING_QUANTITY_CHANGED, listing.id, at, new ListingQuantityChanged(listing.quantity)));
        }
        return completed;
    }

    /** Only once payment was received (a completed sale too). */
    private Optional<CloudEvent<?>> fileDispute(Instant at) {
        Optional<SimTransaction> disputed = random.nextBoolean() && !recentlyCompleted.isEmpty()
                ? Optional.of(recentlyCompleted.pollFirst())
                : pick(inFlight, t -> t.status == TransactionStatus.PAYMENT_RECEIVED || t.status == TransactionStatus.PAYMENT_CONFIRMED);
        return disputed.map(transaction -> {
            String filedBy = random.nextInt(4) == 0 ? transaction.listing.sellerId : transaction.buyerId;
            CloudEvent<?> event = step(transaction, TransactionStatus.DISPUTED, EventTypes.TRANSACTION_DISPUTE_FILED, at,
                    new DisputeFiled(filedBy, Catalog.pick(random, DISPUTES)));
            return event;
        });
    }

    /** Only before payment is confirmed. */
    private Optional<CloudEvent<?>> cancelTransaction(Instant at) {
        return pick(inFlight, t -> t.status == TransactionStatus.PENDING || t.status == TransactionStatus.PAYMENT_RECEIVED)
                .map(transaction -> step(transaction, TransactionStatus.CANCELLED, EventTypes.TRANSACTION_CANCELLED, at,
                        new TransactionStep(Catalog.pick(random, CANCELLATIONS))));
    }

    private CloudEvent<?> step(SimTransaction transaction, TransactionStatus to, EventType<TransactionStep> type, Instant at) {
        return step(transaction, to, type, at, new TransactionStep(null));
    }

    private <T> CloudEvent<?> step(SimTransaction transaction, TransactionStatus to, EventType<T> type, Instant at, T data) {
        transaction.status = to;
        if (to != TransactionStatus.PAYMENT_RECEIVED && to != TransactionStatus.PAYMENT_CONFIRMED) {
            inFlight.remove(transaction);
        }
        return event(type, transaction.id, at, data);
    }

    private <T> Optional<T> pick(List<T> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(random.nextInt(values.size())));
    }

    private <T> Optional<T> pick(List<T> values, Predicate<T> filter) {
        List<T> candidates = values.stream().filter(filter).toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private static <T> CloudEvent<T> event(EventType<T> type, String subject, Instant at, T data) {
        return CloudEvent.of(type, SOURCE, subject, at, data);
    }
}
