package com.ticketing.listing.transaction;

import static com.ticketing.events.envelope.EventTypes.TRANSACTION_CANCELLED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_COMPLETED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_PAYMENT_CONFIRMED;
import static com.ticketing.events.envelope.EventTypes.TRANSACTION_PAYMENT_RECEIVED;
import static com.ticketing.events.payload.transaction.TransactionStatus.CANCELLED;
import static com.ticketing.events.payload.transaction.TransactionStatus.COMPLETED;
import static com.ticketing.events.payload.transaction.TransactionStatus.DISPUTED;
import static com.ticketing.events.payload.transaction.TransactionStatus.PAYMENT_CONFIRMED;
import static com.ticketing.events.payload.transaction.TransactionStatus.PAYMENT_RECEIVED;
import static com.ticketing.events.payload.transaction.TransactionStatus.PENDING;
import static com.ticketing.listing.dlq.RejectReason.*;
import static com.ticketing.listing.support.MarketplaceEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.events.payload.transaction.TransactionStep;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.stream.UpdateIds;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.TopologyHarness;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionTopologyTest {

    private static final String TXN = "txn-1";

    private final MarketplaceEvents events = new MarketplaceEvents();
    private final TopologyHarness harness = new TopologyHarness(TransactionTopology.build(), TransactionTopology.TOPICS);

    @AfterEach
    void close() {
        harness.close();
    }

    private KeyValueStore<String, TransactionState> store() {
        return harness.store(TransactionTopology.STORE);
    }

    @Test
    void createdTransactionIsPendingAndNamesBuyerSellerAndListing() {
        CloudEvent<?> created = events.transactionCreated(TXN);
        harness.send(created);

        var records = harness.updates();
        assertThat(records).hasSize(1);
        CloudEvent<?> update = records.get(0).value();
        assertThat(records.get(0).key()).isEqualTo(TXN);
        assertThat(update.type()).isEqualTo(EventTypes.TRANSACTION_UPDATED.name());
        assertThat(update.source()).isEqualTo("/listing-events-service");
        assertThat(update.id()).isEqualTo(UpdateIds.derive(created.id(), 0));
        assertThat(update.time()).isEqualTo(created.time());
        assertThat(update.data()).isEqualTo(new TransactionUpdated(TXN, "lst-1", PENDING, null, "created",
                created.time(), 1, "bob", "alice"));
        assertThat(store().get(TXN).amount()).isEqualTo(usd("240.00"));
    }

    @Test
    void theHappyPathRunsPendingToCompletedOneVersionPerStep() {
        harness.send(events.transactionCreated(TXN));
        harness.send(events.step(TRANSACTION_PAYMENT_RECEIVED, TXN));
        harness.send(events.step(TRANSACTION_PAYMENT_CONFIRMED, TXN));
        harness.send(events.step(TRANSACTION_COMPLETED, TXN));

        List<TransactionUpdated> updates = harness.updates().stream()
                .map(r -> (TransactionUpdated) r.value().data()).toList();
        assertThat(updates).extracting(TransactionUpdated::status)
                .containsExactly(PENDING, PAYMENT_RECEIVED, PAYMENT_CONFIRMED, COMPLETED);
        assertThat(updates).extracting(TransactionUpdated::previousStatus)
                .containsExactly(null, PENDING, PAYMENT_RECEIVED, PAYMENT_CONFIRMED);
        assertThat(updates).extracting(TransactionUpdated::event)
                .containsExactly("created", "payment_received", "payment_confirmed", "completed");
        assertThat(updates).extracting(TransactionUpdated::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.buyerId()).isEqualTo("bob");
            assertThat(u.sellerId()).isEqualTo("alice");
            assertThat(u.listingId()).isEqualTo("lst-1");
        });
        assertThat(store().get(TXN).status()).isEqualTo(COMPLETED);
        harness.assertNoDeadLetters();
    }

    @ParameterizedTest(name = "dispute from {0}")
    @CsvSource({"PAYMENT_RECEIVED", "PAYMENT_CONFIRMED", "COMPLETED"})
    void aDisputeIsAllowedOncePaymentWasReceived(TransactionStatus from) {
        reach(from);
        harness.send(events.disputeFiled(TXN, "bob"));

        TransactionUpdated update = harness.singleUpdate(TransactionUpdated.class);
        assertThat(update.status()).isEqualTo(DISPUTED);
        assertThat(update.previousStatus()).isEqualTo(from);
        assertThat(update.event()).isEqualTo("dispute_filed");
    }

    @ParameterizedTest(name = "cancel from {0}")
    @CsvSource({"PENDING", "PAYMENT_RECEIVED"})
    void cancellationIsAllowedBeforePaymentIsConfirmed(TransactionStatus from) {
        reach(from);
        harness.send(events.step(TRANSACTION_CANCELLED, TXN));

        TransactionUpdated update = harness.singleUpdate(TransactionUpdated.class);
        assertThat(update.status()).isEqualTo(CANCELLED);
        assertThat(update.previousStatus()).isEqualTo(from);
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({
            "PENDING, payment_confirmed", "PENDING, completed", "PENDING, dispute_filed",
            "PAYMENT_RECEIVED, payment_received", "PAYMENT_RECEIVED, completed",
            "PAYMENT_CONFIRMED, cancelled", "PAYMENT_CONFIRMED, payment_received",
            "COMPLETED, cancelled", "COMPLETED, completed",
            "CANCELLED, payment_received", "CANCELLED, dispute_filed", "CANCELLED, cancelled",
            "DISPUTED, completed", "DISPUTED, cancelled", "DISPUTED, dispute_filed"})
    void forbiddenMovesGoToTheDeadLetterTopic(TransactionStatus from, String fact) {
        reach(from);
        long version = store().get(TXN).version();
        if (fact.equals("dispute_filed")) {
            harness.send(events.disputeFiled(TXN, "alice"));
        } else {
            @SuppressWarnings("unchecked")
            EventType<TransactionStep> type = (EventType<TransactionStep>)
                    EventTypes.byName("ticketing.transaction." + fact + ".v1").orElseThrow();
            harness.send(events.step(type, TXN));
        }

        harness.assertRefused(FORBIDDEN_TRANSITION);
        assertThat(store().get(TXN).status()).isEqualTo(from);
        assertThat(store().get(TXN).version()).isEqualTo(version);
    }

    @Test
    void stepsOfATransactionNeverCreatedAreRefused() {
        harness.send(events.step(TRANSACTION_PAYMENT_RECEIVED, "txn-ghost"));
        harness.assertRefused(UNKNOWN_AGGREGATE);
        harness.send(events.disputeFiled("txn-ghost", "bob"));
        harness.assertRefused(UNKNOWN_AGGREGATE);
    }

    @Test
    void createdWithoutBuyerIsRefusedAsMissingField() {
        harness.send(events.event(EventTypes.TRANSACTION_CREATED, TXN,
                new TransactionCreated("lst-1", null, "alice", 1, usd("10.00"))));
        harness.assertRefused(MISSING_FIELD);
        harness.send(events.event(EventTypes.TRANSACTION_CREATED, TXN,
                new TransactionCreated("lst-1", "bob", "alice", 1, null)));
        harness.assertRefused(MISSING_FIELD);
    }

    @Test
    void createdWithInvalidValuesIsRefused() {
        harness.send(events.event(EventTypes.TRANSACTION_CREATED, TXN,
                new TransactionCreated("lst-1", "bob", "alice", 0, usd("10.00"))));
        harness.assertRefused(INVALID_QUANTITY);
        harness.send(events.event(EventTypes.TRANSACTION_CREATED, TXN,
                new TransactionCreated("lst-1", "bob", "alice", 1, usd("0"))));
        harness.assertRefused(INVALID_PRICE);
        harness.send(events.event(EventTypes.TRANSACTION_CREATED, TXN,
                new TransactionCreated("lst-1", "bob", "alice", 1, Money.of("5.00", "ABC"))));
        harness.assertRefused(INVALID_PRICE);
        harness.send(events.event(EventTypes.TRANSACTION_CREATED, TXN,
                new TransactionCreated("lst-1", "bob", "bob", 1, usd("10.00"))));
        harness.assertRefused(INVALID_DATA);
        assertThat(store().get(TXN)).isNull();
    }

    @Test
    void aSecondCreationIsRefused() {
        reach(PENDING);
        harness.send(events.transactionCreated(TXN));
        harness.assertRefused(DUPLICATE_AGGREGATE);
    }

    @Test
    void aDisputeNeedsAReasonAndAParty() {
        reach(PAYMENT_RECEIVED);
        harness.send(events.event(EventTypes.TRANSACTION_DISPUTE_FILED, TXN,
                new com.ticketing.events.payload.transaction.DisputeFiled("bob", null)));
        harness.assertRefused(MISSING_FIELD);
        harness.send(events.disputeFiled(TXN, "mallory"));
        harness.assertRefused(INVALID_DATA);
        assertThat(store().get(TXN).status()).isEqualTo(PAYMENT_RECEIVED);
    }

    @Test
    void theSameEventIdTwiceIsDroppedAndCountedNotDeadLettered() {
        reach(PENDING);
        CloudEvent<?> paid = events.step(TRANSACTION_PAYMENT_RECEIVED, TXN);
        harness.send(paid);
        harness.updates();

        harness.send(paid);
        assertThat(harness.updates()).isEmpty();
        harness.assertNoDeadLetters();
        assertThat(harness.repeatedEvents()).isEqualTo(1.0);
        assertThat(store().get(TXN).version()).isEqualTo(2);
    }

    @Test
    void listingEventsAreUnknownOnTheTransactionTopic() {
        harness.send(events.listingCreated(TXN));
        var letter = harness.assertRefused(UNKNOWN_TYPE);
        assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.ORIGINAL_TOPIC))
                .isEqualTo("marketplace.transaction-events");
    }

    @Test
    void aPoisonRecordGoesToTheTransactionDeadLetterTopic() {
        harness.send(TXN, "\u0000\u0001garbage");
        harness.assertRefused(MALFORMED_JSON);
        reach(PENDING);
    }

    /** Drives the transaction to {@code status} through allowed steps, discarding the updates. */
    private void reach(TransactionStatus status) {
        harness.send(events.transactionCreated(TXN));
        switch (status) {
            case PENDING -> { }
            case CANCELLED -> harness.send(events.step(TRANSACTION_CANCELLED, TXN));
            default -> {
                harness.send(events.step(TRANSACTION_PAYMENT_RECEIVED, TXN));
                if (status == PAYMENT_CONFIRMED || status == COMPLETED || status == DISPUTED) {
                    harness.send(events.step(TRANSACTION_PAYMENT_CONFIRMED, TXN));
                }
                if (status == COMPLETED) {
                    harness.send(events.step(TRANSACTION_COMPLETED, TXN));
                }
                if (status == DISPUTED) {
                    harness.send(events.disputeFiled(TXN, "bob"));
                }
            }
        }
        harness.updates();
        harness.assertNoDeadLetters();
        assertThat(store().get(TXN).status()).isEqualTo(status);
    }
}
