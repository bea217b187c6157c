package com.ticketing.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.ticketing.events.SampleEvents;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.message.ConversationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Event type names follow {@code ticketing.<aggregate>.<fact>.v<N>}; envelopes know their type. */
class EventTypeTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "listing.created", "ticketing.listing.created", "ticketing.listing.created.v0",
            "ticketing.Listing.created.v1", "ticketing.listing.created.V1", "acme.listing.created.v1",
            "ticketing.listing.created.v1.extra"})
    void aTypeNameOutsideTheConventionIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType<>(name, ListingCreated.class));
    }

    @Test
    void aTypeNameSplitsIntoAggregateFactAndVersion() {
        EventType<?> type = new EventType<>("ticketing.listing.price_changed.v12", ListingCreated.class);

        assertThat(type.shortName()).isEqualTo("listing.price_changed");
        assertThat(type.aggregate()).isEqualTo("listing");
        assertThat(type.fact()).isEqualTo("price_changed");
        assertThat(type.version()).isEqualTo(12);
    }

    @Test
    void everyEventTypeIsDistinctAndAtVersionOne() {
        assertThat(EventTypes.ALL).hasSize(27).doesNotHaveDuplicates();
        assertThat(EventTypes.ALL).extracting(EventType::name).doesNotHaveDuplicates();
        assertThat(EventTypes.ALL).allSatisfy(type -> assertThat(type.version()).isEqualTo(1));
        assertThat(EventTypes.ALL).extracting(EventType::shortName)
                .contains("listing.created", "transaction.dispute_filed", "conversation.read", "presence.heartbeat", "notification.requested", "message.reported", "user.blocked");
    }

    @Test
    void typesAreFoundByTheirExactName() {
        assertThat(EventTypes.byName("ticketing.message.sent.v1")).contains(EventTypes.MESSAGE_SENT);
        assertThat(EventTypes.byName("message.sent")).isEmpty();
    }

    @Test
    void anEnvelopeHandsOutItsDataOnlyAsItsOwnType() {
        CloudEvent<?> event = SampleEvents.of(EventTypes.LISTING_CREATED);

        assertThat(event.is(EventTypes.LISTING_CREATED)).isTrue();
        assertThat(event.dataAs(EventTypes.LISTING_CREATED).sellerId()).isEqualTo(SampleEvents.SELLER);
        assertThatIllegalArgumentException().isThrownBy(() -> event.dataAs(EventTypes.LISTING_UPDATED));
    }

    @Test
    void theConversationKeyIsBothUserIdsSortedAndJoinedWithAColon() {
        assertThat(ConversationKey.of("bob", "alice")).isEqualTo("alice:bob");
        assertThat(ConversationKey.of("alice", "bob")).isEqualTo("alice:bob");
        assertThat(ConversationKey.of("alice", "alice")).isEqualTo("alice:alice");
    }
}
