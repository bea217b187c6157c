package com.ticketing.socketio.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryRecoveryHookTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryRecoveryHook hook = new InMemoryRecoveryHook(Duration.ofSeconds(60), clock);

    @Test
    void recordedEventGetsADistinctOffsetAsLastArgument() {
        Packet.Event first = hook.record(event("a"), BroadcastTarget.all());
        Packet.Event second = hook.record(event("b"), BroadcastTarget.all());
        assertThat(offsetOf(first)).isNotEqualTo(offsetOf(second));
        assertThat(first.args()).hasSize(1);
    }

    @Test
    void restoreGivesTheEventsAfterTheOffsetThatTargetTheSessionRooms() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        hook.persist(session("pid-1", clock.instant()));
        hook.record(event("for-room"), BroadcastTarget.room("listing:1"));
        hook.record(event("for-sid"), BroadcastTarget.room("sid-1"));
        hook.record(event("other-room"), BroadcastTarget.room("listing:2"));
        hook.record(event("excluded"), new BroadcastTarget(Set.of(), Set.of("sid-1")));

        Optional<RecoveryHook.Replay> restored = restore("pid-1", offset);

        assertThat(restored).isPresent();
        assertThat(restored.get().missed()).extracting(Packet.Event::name).containsExactly("for-room", "for-sid");
    }

    @Test
    void theReplayCoversEveryOffsetUpToItsMomentAndNoneAfter() {
        String seen = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        hook.persist(session("pid-1", clock.instant()));
        String missed = offsetOf(hook.record(event("missed"), BroadcastTarget.room("listing:1")));

        RecoveryHook.Replay replay = restore("pid-1", seen).orElseThrow();
        String live = offsetOf(hook.record(event("live"), BroadcastTarget.room("listing:1")));

        assertThat(replay.covers(seen)).isTrue();
        assertThat(replay.covers(missed)).isTrue();
        assertThat(replay.covers(live)).isFalse();
        assertThat(replay.covers(null)).as("a packet without offset is never covered").isFalse();
    }

    @Test
    void findDoesNotUseTheSessionUpButReplayDoes() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        hook.persist(session("pid-1", clock.instant()));

        assertThat(find("/", "pid-1", offset)).isPresent();
        assertThat(find("/", "pid-1", offset)).isPresent();
        assertThat(restore("pid-1", offset)).isPresent();
        assertThat(find("/", "pid-1", offset)).isEmpty();
    }

    @Test
    void aWrongNamespaceOrOffsetLeavesTheSessionForTheRightOne() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        hook.persist(session("pid-1", clock.instant()));

        assertThat(find("/custom", "pid-1", offset)).isEmpty();
        assertThat(find("/", "pid-1", "nonsense")).isEmpty();
        assertThat(restore("pid-1", offset)).isPresent();
    }

    @Test
    void sessionDisconnectedLongerThanTheWindowIsNotRestored() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        hook.persist(session("pid-1", clock.instant()));
        clock.advance(Duration.ofSeconds(61));
        assertThat(restore("pid-1", offset)).isEmpty();
    }

    @Test
    void missedEventNoLongerKeptPreventsRecovery() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        clock.advance(Duration.ofSeconds(1));
        hook.record(event("lost"), BroadcastTarget.all());
        clock.advance(Duration.ofSeconds(61));
        hook.persist(session("pid-1", clock.instant()));
        hook.record(event("after"), BroadcastTarget.all()); // drops "seen" and "lost"
        assertThat(restore("pid-1", offset)).isEmpty();
    }

    @Test
    void offsetOutOfTheWindowStillRecoversWhenNothingAfterItWasDropped() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        clock.advance(Duration.ofSeconds(61));
        hook.persist(session("pid-1", clock.instant()));
        hook.record(event("after"), BroadcastTarget.all()); // drops "seen" only
        assertThat(restore("pid-1", offset).orElseThrow().missed())
                .extracting(Packet.Event::name).containsExactly("after");
    }

    @Test
    void offsetOfAnotherServerIsNotRestored() {
        hook.persist(session("pid-1", clock.instant()));
        assertThat(restore("pid-1", "someone-else-1")).isEmpty();
    }

    @Test
    void sessionOfAnotherNamespaceIsNotRestored() {
        String offset = offsetOf(hook.record(event("seen"), BroadcastTarget.all()));
        hook.persist(session("pid-1", clock.instant()));
        assertThat(find("/custom", "pid-1", offset)).isEmpty();
    }

    /** Both steps of a recovery, as the layer takes them. */
    private Optional<RecoveryHook.Replay> restore(String pid, String offset) {
        return find("/", pid, offset)
                .flatMap(session -> hook.replay(session, offset).toCompletableFuture().join());
    }

    private Optional<SessionSnapshot> find(String namespace, String pid, String offset) {
        return hook.find(namespace, pid, offset, Map.of()).toCompletableFuture().join();
    }

    private static SessionSnapshot session(String pid, Instant at) {
        return new SessionSnapshot("/", "sid-1", pid, Set.of("sid-1", "listing:1"), Map.of(), at);
    }

    private static Packet.Event event(String name) {
        return new Packet.Event("/", name, List.of(), Packet.NO_ACK);
    }

    private static String offsetOf(Packet.Event event) {
        return event.args().get(event.args().size() - 1).stringValue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
