package com.ticketing.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.message.PendingSends;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateRouterTest {

    final Set<String> localRooms = Set.of(Rooms.listing("lst-1"), Rooms.transaction("txn-1"), Rooms.user("alice"),
            Rooms.user("auth0:bob"));
    final UpdateRouter router = new UpdateRouter((rooms, event, payload) -> { }, new PendingSends(),
            localRooms::contains, (a, b) -> false);

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
    void typingBetweenUsersOfWhomOneBlockedTheOtherReachesNobody() {
        List<String> emitted = new ArrayList<>();
        UpdateRouter blocking = new UpdateRouter((rooms, event, payload) -> emitted.add(event + " " + rooms),
                new PendingSends(), localRooms::contains, (typist, receiver) -> Set.of(typist, receiver)
                .equals(Set.of("mallory", "alice")));

        assertThat(blocking.route(CloudEvent.of(EventTypes.TYPING_STARTED, "/gateway", "alice",
                new TypingSignal("mallory", "alice")))).isFalse();
        assertThat(blocking.route(CloudEvent.of(EventTypes.TYPING_STARTED, "/gateway", "alice",
                new TypingSignal("carol", "alice")))).isTrue();
        assertThat(emitted).containsExactly("typing:start [" + Rooms.user("alice") + "]");
    }

    @Test
    void aRecordWithoutKeyIsAlwaysDecoded() {
        assertThat(router.mayReachLocalSockets(Topics.LISTING_UPDATES.name(), null)).isTrue();
    }
}
