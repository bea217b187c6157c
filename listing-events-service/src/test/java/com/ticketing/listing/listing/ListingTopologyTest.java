package com.ticketing.listing.listing;

import static com.ticketing.events.payload.listing.ListingStatus.ACTIVE;
import static com.ticketing.events.payload.listing.ListingStatus.EXPIRED;
import static com.ticketing.events.payload.listing.ListingStatus.SOLD;
import static com.ticketing.events.payload.listing.ListingStatus.SUSPENDED;
import static com.ticketing.listing.dlq.RejectReason.*;
import static com.ticketing.listing.support.MarketplaceEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.FieldChange;
import com.ticketing.events.payload.listing.ListingChanges;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.stream.AggregateState;
import com.ticketing.listing.stream.UpdateIds;
import com.ticketing.listing.support.MarketplaceEvents;
import com.ticketing.listing.support.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingTopologyTest {

    private static final String LISTING = "lst-1";

    private final MarketplaceEvents events = new MarketplaceEvents();
    private final TopologyHarness harness = new TopologyHarness(ListingTopology.build(), ListingTopology.TOPICS);

    @AfterEach
    void close() {
        harness.close();
    }

    private KeyValueStore<String, ListingState> store() {
        return harness.store(ListingTopology.STORE);
    }

    private CloudEvent<?> created() {
        CloudEvent<?> created = events.listingCreated(LISTING);
        harness.send(created);
        harness.updates();
        return created;
    }

    // --- accepted events -------------------------------------------------------------------

    @Test
    void createdListingIsEmittedAsListingUpdatedVersionOne() {
        CloudEvent<?> created = events.listingCreated(LISTING, 2, usd("120.00"));
        harness.send(created);

        var records = harness.updates();
        assertThat(records).hasSize(1);
        TestRecord<String, CloudEvent<?>> record = records.get(0);
        assertThat(record.key()).isEqualTo(LISTING);
        CloudEvent<?> update = record.value();
        assertThat(update.type()).isEqualTo(EventTypes.LISTING_UPDATED.name());
        assertThat(update.source()).isEqualTo("/listing-events-service");
        assertThat(update.subject()).isEqualTo(LISTING);
        assertThat(update.time()).isEqualTo(created.time());
        assertThat(update.id()).isEqualTo(UpdateIds.derive(created.id(), 0)).isNotEqualTo(created.id());
        assertThat(update.data()).isEqualTo(new ListingUpdated(LISTING, 1, ACTIVE, 2, usd("120.00"),
                ListingChanges.NONE, created.time()));
        harness.assertNoDeadLetters();
    }

    @Test
    void storeHoldsTheCurrentListing() {
        created();
        harness.send(events.priceChanged(LISTING, usd("99.50")));

        ListingState state = store().get(LISTING);
        assertThat(state.status()).isEqualTo(ACTIVE);
        assertThat(state.price()).isEqualTo(usd("99.50"));
        assertThat(state.quantity()).isEqualTo(2);
        assertThat(state.sellerId()).isEqualTo("alice");
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void versionIncreasesByOnePerAcceptedEvent() {
        harness.send(events.listingCreated(LISTING));
        harness.send(events.priceChanged(LISTING, usd("130.00")));
        harness.send(events.priceChanged(LISTING, usd("0")));          // refused: no version used
        harness.send(events.quantityChanged(LISTING, 1));
        harness.send(events.statusChanged(LISTING, SUSPENDED));

        assertThat(harness.updates()).extracting(r -> ((ListingUpdated) r.value().data()).version())
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void priceChangeCarriesOldAndNewPrice() {
        created();
        harness.send(events.priceChanged(LISTING, usd("135.50")));

        ListingUpdated update = harness.singleUpdate(ListingUpdated.class);
        assertThat(update.price()).isEqualTo(usd("135.50"));
        assertThat(update.changes().price()).isEqualTo(new FieldChange<>(usd("120.00"), usd("135.50")));
        assertThat(update.changes().priceChanged()).isTrue();
        assertThat(update.changes().quantity()).isNull();
    }

    @Test
    void quantityChangeCarriesOldAndNewQuantity() {
        created();
        harness.send(events.quantityChanged(LISTING, 1));

        ListingUpdated update = harness.singleUpdate(ListingUpdated.class);
        assertThat(update.quantity()).isEqualTo(1);
        assertThat(update.changes()).isEqualTo(ListingChanges.NONE.withQuantity(2, 1));
    }

    @Test
    void quantityReachingZeroSellsTheListingInTheSameUpdate() {
        created();
        CloudEvent<?> soldOut = events.quantityChanged(LISTING, 0);
        harness.send(soldOut);

        var records = harness.updates();
        assertThat(records).as("one accepted event, one update").hasSize(1);
        assertThat(records.get(0).value().data()).isEqualTo(new ListingUpdated(LISTING, 2, SOLD, 0, usd("120.00"),
                ListingChanges.NONE.withQuantity(2, 0).withStatus(ACTIVE, SOLD), soldOut.time()));
        assertThat(store().get(LISTING).status()).isEqualTo(SOLD);
        assertThat(store().get(LISTING).version()).isEqualTo(2);
    }

    @Test
    void quantityReachingZeroWhileSuspendedKeepsItSuspended() {
        created();
        harness.send(events.statusChanged(LISTING, SUSPENDED));
        harness.send(events.quantityChanged(LISTING, 0));

        assertThat(harness.updates()).hasSize(2);
        assertThat(store().get(LISTING).status()).isEqualTo(SUSPENDED);
        assertThat(store().get(LISTING).quantity()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ACTIVE, SOLD", "ACTIVE, EXPIRED", "ACTIVE, SUSPENDED", "SUSPENDED, ACTIVE", "SUSPENDED, EXPIRED"})
    void allowedStatusMovesAreAccepted(ListingStatus from, ListingStatus to) {
        reach(from);
        harness.send(events.statusChanged(LISTING, to));

        ListingUpdated update = harness.singleUpdate(ListingUpdated.class);
        assertThat(update.status()).isEqualTo(to);
        assertThat(update.changes()).isEqualTo(ListingChanges.NONE.withStatus(from, to));
        harness.assertNoDeadLetters();
    }

    // --- refused events --------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SOLD, ACTIVE", "SOLD, EXPIRED", "SOLD, SUSPENDED", "EXPIRED, ACTIVE", "EXPIRED, SOLD",
            "SUSPENDED, SOLD", "ACTIVE, ACTIVE", "SUSPENDED, SUSPENDED", "EXPIRED, EXPIRED"})
    void forbiddenStatusMovesGoToTheDeadLetterTopic(ListingStatus from, ListingStatus to) {
        reach(from);
        long version = store().get(LISTING).version();
        harness.send(events.statusChanged(LISTING, to));

        harness.assertRefused(FORBIDDEN_TRANSITION);
        assertThat(store().get(LISTING).status()).isEqualTo(from);
        assertThat(store().get(LISTING).version()).isEqualTo(version);
    }

    @Test
    void reactivatingAListingWithoutTicketsIsForbidden() {
        created();
        harness.send(events.statusChanged(LISTING, SUSPENDED));
        harness.send(events.quantityChanged(LISTING, 0));
        harness.updates();
        harness.send(events.statusChanged(LISTING, ACTIVE));

        harness.assertRefused(FORBIDDEN_TRANSITION);
    }

    @Test
    void soldOrExpiredListingTakesNoPriceOrQuantityChange() {
        reach(EXPIRED);
        harness.send(events.priceChanged(LISTING, usd("10.00")));
        harness.assertRefused(FORBIDDEN_TRANSITION);
        harness.send(events.quantityChanged(LISTING, 5));
        harness.assertRefused(FORBIDDEN_TRANSITION);
    }

    @Test
    void createdWithoutPositiveQuantityIsRefused() {
        harness.send(events.listingCreated(LISTING, 0, usd("120.00")));
        harness.assertRefused(INVALID_QUANTITY);
        harness.send(events.listingCreated(LISTING, -1, usd("120.00")));
        harness.assertRefused(INVALID_QUANTITY);
        assertThat(store().get(LISTING)).isNull();
    }

    @Test
    void createdWithoutPositivePriceIsRefused() {
        harness.send(events.listingCreated(LISTING, 2, usd("0.00")));
        harness.assertRefused(INVALID_PRICE);
        harness.send(events.listingCreated(LISTING, 2, usd("-5")));
        harness.assertRefused(INVALID_PRICE);
    }

    @Test
    void anAmountNoStoreCouldWriteIsRefusedAndTheNextEventOfThePartitionGoesThrough() {
        // as a marketplace service could write it: our own serde cannot even produce this amount
        harness.send(LISTING, listingCreatedJson("\"sellerId\":\"alice\",\"title\":\"t\",\"quantity\":2,"
                + "\"price\":{\"amount\":\"1E+10000\",\"currency\":\"USD\"}"));
        harness.assertRefused(INVALID_PRICE);
        harness.send(events.listingCreated(LISTING, 2, usd("0.00001")));
        harness.assertRefused(INVALID_PRICE);
        harness.send(events.listingCreated(LISTING, 2, usd("1000000000000")));
        harness.assertRefused(INVALID_PRICE);

        harness.send(events.listingCreated(LISTING, 2, usd("999999999999.9999")));
        assertThat(harness.updates()).hasSize(1);
    }

    @Test
    void aTitleLongerThanAnyListingTitleIsRefused() {
        harness.send(LISTING, listingCreatedJson("\"sellerId\":\"alice\",\"title\":\"" + "x".repeat(501)
                + "\",\"quantity\":2,\"price\":{\"amount\":\"1.00\",\"currency\":\"USD\"}"));
        harness.assertRefused(INVALID_DATA);
        assertThat(store().get(LISTING)).isNull();
    }

    @Test
    void createdWithAnUnknownCurrencyIsRefused() {
        harness.send(events.listingCreated(LISTING, 2, Money.of("10.00", "XYZ")));
        harness.assertRefused(INVALID_PRICE);
    }

    @Test
    void createdWithoutTitleOrPriceIsRefusedAsMissingField() {
        harness.send(LISTING, listingCreatedJson("\"sellerId\":\"alice\",\"quantity\":2,\"price\":{\"amount\":\"1.00\",\"currency\":\"USD\"}"));
        harness.assertRefused(MISSING_FIELD);
        harness.send(LISTING, listingCreatedJson("\"sellerId\":\"alice\",\"title\":\"t\",\"quantity\":2"));
        harness.assertRefused(MISSING_FIELD);
        harness.send(LISTING, listingCreatedJson("\"sellerId\":\"alice\",\"title\":\"t\",\"quantity\":2,\"price\":{\"amount\":\"1.00\"}"));
        harness.assertRefused(MISSING_FIELD);
    }

    @Test
    void aSecondCreationOfTheSameListingIsRefused() {
        created();
        harness.send(events.listingCreated(LISTING, 5, usd("1.00")));

        harness.assertRefused(DUPLICATE_AGGREGATE);
        assertThat(store().get(LISTING).quantity()).isEqualTo(2);
    }

    @Test
    void priceChangeToZeroOrLessIsRefused() {
        created();
        harness.send(events.priceChanged(LISTING, usd("0")));
        harness.assertRefused(INVALID_PRICE);
        harness.send(events.priceChanged(LISTING, usd("-1.00")));
        harness.assertRefused(INVALID_PRICE);
    }

    @Test
    void priceChangeInAnotherCurrencyIsRefused() {
        created();
        harness.send(events.priceChanged(LISTING, Money.of("100.00", "EUR")));
        harness.assertRefused(INVALID_PRICE);
    }

    @Test
    void priceChangeToTheSameAmountIsRefused() {
        created();
        harness.send(events.priceChanged(LISTING, usd("120.0")));
        harness.assertRefused(UNCHANGED_VALUE);
    }

    @Test
    void priceChangeWithoutPriceIsRefusedAsMissingField() {
        created();
        harness.send(LISTING, json("ticketing.listing.price_changed.v1", "evt-x", LISTING, "{}"));
        harness.assertRefused(MISSING_FIELD);
    }

    @Test
    void negativeQuantityIsRefused() {
        created();
        harness.send(events.quantityChanged(LISTING, -1));
        harness.assertRefused(INVALID_QUANTITY);
        assertThat(store().get(LISTING).quantity()).isEqualTo(2);
    }

    @Test
    void unchangedOrMissingQuantityIsRefused() {
        created();
        harness.send(events.quantityChanged(LISTING, 2));
        harness.assertRefused(UNCHANGED_VALUE);
        harness.send(events.quantityChanged(LISTING, null));
        harness.assertRefused(MISSING_FIELD);
    }

    @Test
    void eventsForAListingNeverCreatedAreRefused() {
        harness.send(events.priceChanged("lst-ghost", usd("10.00")));
        harness.assertRefused(UNKNOWN_AGGREGATE);
        harness.send(events.statusChanged("lst-ghost", SOLD));
        harness.assertRefused(UNKNOWN_AGGREGATE);
        assertThat(store().get("lst-ghost")).isNull();
    }

    @Test
    void theSameEventIdTwiceIsDroppedAndCountedNotDeadLettered() {
        CloudEvent<?> created = created();
        CloudEvent<?> priceChange = events.priceChanged(LISTING, usd("150.00"));
        harness.send(priceChange);
        harness.updates();
        ListingState before = store().get(LISTING);

        harness.send(priceChange);
        harness.send(created);
        assertThat(harness.updates()).isEmpty();
        harness.assertNoDeadLetters(); // a repeat is no invalid event
        assertThat(harness.repeatedEvents()).isEqualTo(2.0);
        assertThat(store().get(LISTING)).isEqualTo(before);
    }

    @Test
    void remembersABoundedNumberOfEventIdsPerListing() {
        created();
        for (int i = 0; i < AggregateState.RECENT_EVENT_IDS + 10; i++) {
            harness.send(events.priceChanged(LISTING, usd(Integer.toString(100 + i))));
        }
        assertThat(store().get(LISTING).recentEventIds()).hasSize(AggregateState.RECENT_EVENT_IDS);
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicUnchangedAndTheStreamGoesOn() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        harness.send(LISTING, poison);
        TestRecord<String, byte[]> letter = harness.assertRefused(MALFORMED_JSON);
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(letter.key()).isEqualTo(LISTING);
        var headers = letter.headers();
        assertThat(DeadLetters.text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("marketplace.listing-events");
        assertThat(DeadLetters.text(headers, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(DeadLetters.text(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");

        harness.send(events.listingCreated(LISTING));
        assertThat(harness.updates()).hasSize(1);
    }

    @Test
    void deadLettersKeepTheOriginalHeadersAndNameTheOffset() {
        harness.send(events.listingCreated(LISTING));
        harness.updates();
        var headers = new RecordHeaders().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        harness.send(new TestRecord<>(LISTING, "[]".getBytes(StandardCharsets.UTF_8), headers));

        var letter = harness.assertRefused(MALFORMED_JSON);
        assertThat(DeadLetters.text(letter.headers(), "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1");
        assertThat(DeadLetters.text(letter.headers(), DeadLetterHeaders.REFUSED_BY)).isEqualTo("listing-events-service");
    }

    @Test
    void emptyValueOrTombstoneIsMalformed() {
        harness.send(LISTING, new byte[0]);
        harness.assertRefused(MALFORMED_JSON);
        harness.send(LISTING, (byte[]) null);
        harness.assertRefused(MALFORMED_JSON);
    }

    @Test
    void unknownTypesAreRefused() {
        harness.send(LISTING, json("ticketing.listing.teleported.v1", "evt-x", LISTING, "{}"));
        harness.assertRefused(UNKNOWN_TYPE);
        harness.send(LISTING, json("ticketing.listing.created.v9", "evt-y", LISTING, "{}"));
        harness.assertRefused(UNKNOWN_TYPE);
    }

    @Test
    void aKnownTypeOfAnotherTopicIsRefusedAsUnknownHere() {
        harness.send(events.event(EventTypes.TYPING_STARTED, LISTING, new TypingSignal("bob", "alice")));
        harness.assertRefused(UNKNOWN_TYPE);
        harness.send(events.event(EventTypes.LISTING_UPDATED, LISTING, new ListingUpdated(LISTING, 1, ACTIVE, 1,
                usd("1.00"), ListingChanges.NONE, MarketplaceEvents.T0)));
        harness.assertRefused(UNKNOWN_TYPE);
    }

    @Test
    void anEnvelopeWithoutIdIsRefused() {
        harness.send(LISTING, "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"ticketing.listing.created.v1\","
                + "\"time\":\"2026-03-14T18:30:00Z\",\"subject\":\"lst-1\",\"data\":{}}");
        harness.assertRefused(INVALID_ENVELOPE);
    }

    @Test
    void dataOfTheWrongShapeIsRefusedAsInvalidData() {
        harness.send(LISTING, listingCreatedJson("\"sellerId\":\"alice\",\"title\":\"t\",\"quantity\":\"many\","
                + "\"price\":{\"amount\":\"1.00\",\"currency\":\"USD\"}"));
        harness.assertRefused(INVALID_DATA);
        created();
        harness.send(LISTING, json("ticketing.listing.status_changed.v1", "evt-z", LISTING, "{\"status\":\"stolen\"}"));
        harness.assertRefused(INVALID_DATA);
    }

    @Test
    void aRecordKeyOtherThanTheSubjectIsRefused() {
        harness.send("lst-other", EventCodec.encode(events.listingCreated(LISTING)));
        harness.assertRefused(KEY_MISMATCH);
    }

    @Test
    void theSameInputGivesTheSameUpdatesByteForByte() {
        List<CloudEvent<?>> story = List.of(events.listingCreated(LISTING), events.priceChanged(LISTING, usd("99.00")),
                events.quantityChanged(LISTING, 0), events.statusChanged(LISTING, ACTIVE));
        story.forEach(harness::send);
        List<byte[]> first = harness.updates().stream().map(r -> EventCodec.encode(r.value())).toList();

        try (TopologyHarness replay = new TopologyHarness(ListingTopology.build(), ListingTopology.TOPICS)) {
            story.forEach(replay::send);
            List<byte[]> second = replay.updates().stream().map(r -> EventCodec.encode(r.value())).toList();
            assertThat(second).hasSize(3).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(first);
        }
    }

    /** Drives the listing to {@code status} through allowed moves, discarding the updates. */
    private void reach(ListingStatus status) {
        created();
        switch (status) {
            case ACTIVE -> { }
            case SUSPENDED, SOLD, EXPIRED -> harness.send(events.statusChanged(LISTING, status));
        }
        harness.updates();
        assertThat(store().get(LISTING).status()).isEqualTo(status);
    }

    private static String listingCreatedJson(String dataFields) {
        return json("ticketing.listing.created.v1", "evt-raw", LISTING, "{" + dataFields + "}");
    }

    private static String json(String type, String id, String subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/test\",\"type\":\"" + type + "\","
                + "\"time\":\"2026-03-14T18:30:00Z\",\"subject\":\"" + subject + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }
}
