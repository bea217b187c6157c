package com.ticketing.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.message.PendingSends;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateRouterTest {

    final Set<String> localRooms = Set.of(Rooms.listing("lst-1"), Rooms.transaction("txn-1"), Rooms.user("alice"),
            Rooms.user("auth0:bob"));
    final UpdateRouter router = new UpdateRouter((rooms, event, payload) -> { }, new PendingSends(),
            localRooms::contains);

    @Test
    void listingAndTransactionRecordsAreJudgedByTheirAggregateKey() {
        assertThat(router.mayReachLocalSockets(Topics.LISTING_UPDATES.name(), "lst-1")).isTrue();
        assertThat(router.mayReachLocalSockets(Topics.LISTING_UPDATES.name(), "lst-2")).isFalse();
        assertThat(router.mayReachLocalSockets(Topics.TRANSACTION_UPDATES.name(), "txn-1")).isTrue();
        assertThat(router.mayReachLocalSockets(Topics.TRANSACTION_UPDATES.name(), "txn-2")).isFalse();
    }

    @Test
    void typingSignalsAreJudgedByTheirReceiver() {
        assertThat(router.mayReachLocalSockets(Topics.TYPING_SIGNALS.name(), "alice")).isTrue();
        assertThat(router.mayReachLocalSockets(Topics.TYPING_SIGNALS.name(), "carol")).isFalse();
    }

    @Test
    void messageEventsReachEitherUserOfTheConversationEvenWhenIdsHoldAColon() {
        assertThat(router.mayReachLocalSockets(Topics.MESSAGE_EVENTS.name(), "alice:carol")).isTrue();
        assertThat(router.mayReachLocalSockets(Topics.MESSAGE_EVENTS.name(), "auth0:bob:dave")).isTrue();
        assertThat(router.mayReachLocalSockets(Topics.MESSAGE_EVENTS.name(), "carol:dave")).isFalse();
    }

    @Test
    void aRecordWithoutKeyIsAlwaysDecoded() {
        assertThat(router.mayReachLocalSockets(Topics.LISTING_UPDATES.name(), null)).isTrue();
    }
}
