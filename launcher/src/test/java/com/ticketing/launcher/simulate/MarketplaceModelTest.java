package com.ticketing.launcher.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulated market only publishes what the listing rules accept, and does a bit of everything. */
class MarketplaceModelTest {

    private static List<CloudEvent<?>> generate(long seed, int listings, int count) {
        MarketplaceModel market = new MarketplaceModel(new Random(seed), listings, "test");
        List<CloudEvent<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(market.next(Instant.parse("2026-11-28T10:00:00Z").plusMillis(i)));
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026, 987654321})
    void everyEventIsValidByTheListingAndTransactionRules(long seed) {
        MarketRules rules = new MarketRules();
        List<CloudEvent<?>> events = generate(seed, 50, 20_000);
        for (int i = 0; i < events.size(); i++) {
            CloudEvent<?> event = events.get(i);
            assertThat(rules.apply(event)).as("event %d: %s %s %s", i, event.type(), event.subject(), event.data()).isNull();
        }
    }

    @Test
    void theMarketDoesABitOfEverything() {
        List<CloudEvent<?>> events = generate(7, 300, 20_000);
        Set<String> types = new HashSet<>();
        events.forEach(event -> types.add(event.type()));

        assertThat(types).contains(EventTypes.LISTING_CREATED.name(), EventTypes.LISTING_PRICE_CHANGED.name(),
                EventTypes.LISTING_QUANTITY_CHANGED.name(), EventTypes.LISTING_STATUS_CHANGED.name(),
                EventTypes.TRANSACTION_CREATED.name(), EventTypes.TRANSACTION_PAYMENT_RECEIVED.name(),
                EventTypes.TRANSACTION_PAYMENT_CONFIRMED.name(), EventTypes.TRANSACTION_COMPLETED.name(),
                EventTypes.TRANSACTION_DISPUTE_FILED.name(), EventTypes.TRANSACTION_CANCELLED.name());
        long drops = events.stream().filter(e -> e.is(EventTypes.LISTING_PRICE_CHANGED)).count();
        assertThat(drops).as("price changes are common").isGreaterThan(events.size() / 10);
    }

    @Test
    void theMarketKeepsAboutTheChosenNumberOfListingsOpen() {
        MarketRules rules = new MarketRules();
        generate(11, 300, 10_000).forEach(rules::apply);

        assertThat(rules.openListings()).isBetween(250, 300);
    }

    @Test
    void theSameSeedGivesTheSameMarket() {
        List<String> first = generate(99, 100, 2_000).stream().map(MarketplaceModelTest::withoutId).toList();
        List<String> second = generate(99, 100, 2_000).stream().map(MarketplaceModelTest::withoutId).toList();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void everyEventIsACompleteCloudEventKeyedByItsAggregateAndTaggedWithTheRun() {
        for (CloudEvent<?> event : generate(5, 20, 2_000)) {
            CloudEvent<?> decoded = EventCodec.decode(EventCodec.encode(event));
            assertThat(decoded.data()).isEqualTo(event.data());
            assertThat(event.subject()).matches("(lst|txn)-test-\\d+");
            assertThat(event.source()).isEqualTo(MarketplaceModel.SOURCE);
        }
    }

    private static String withoutId(CloudEvent<?> event) {
        return event.type() + " " + event.subject() + " " + event.data();
    }
}
