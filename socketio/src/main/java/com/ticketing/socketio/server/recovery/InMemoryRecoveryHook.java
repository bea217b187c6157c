package com.ticketing.socketio.server.recovery;

import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import com.ticketing.socketio.engine.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps recoverable events and dropped sessions in memory for a window, like the reference
 * server's in-memory adapter. Offsets are {@code <epoch>-<sequence>}: the epoch tells offsets of
 * another process (or an earlier run) apart.
 */
public final class InMemoryRecoveryHook implements RecoveryHook {

    private final Duration window;
    private final Clock clock;
    private final String epoch = RandomIds.next().substring(0, 8);
    private final Map<String, SessionSnapshot> sessions = new ConcurrentHashMap<>();
    private final ArrayDeque<Stored> events = new ArrayDeque<>();
    private long nextSequence = 1;
    private long droppedThrough;
    private Instant lastSessionSweep = Instant.EPOCH;

    public InMemoryRecoveryHook(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized Packet.Event record(Packet.Event event, BroadcastTarget target) {
        Instant now = clock.instant();
        dropExpired(now);
        long sequence = nextSequence++;
        Packet.Event withOffset = RecoveryHook.withOffset(event, epoch + "-" + Long.toString(sequence, 36));
        events.addLast(new Stored(sequence, withOffset, target, now));
        return withOffset;
    }

    @Override
    public void persist(SessionSnapshot session) {
        sessions.put(session.pid(), session);
        sweepSessions(clock.instant());
    }

    @Override
    public CompletionStage<Optional<SessionSnapshot>> find(String namespace, String pid, String offset,
                                                          Map<String, Object> attributes) {
        SessionSnapshot session = sessions.get(pid);
        boolean usable = session != null && session.namespace().equals(namespace)
                && !session.disconnectedAt().plus(window).isBefore(clock.instant())
                && sequenceOf(offset) >= 0;
        return CompletableFuture.completedFuture(usable ? Optional.of(session) : Optional.empty());
    }

    @Override
    public CompletionStage<Optional<Replay>> replay(SessionSnapshot session, String offset) {
        if (!sessions.remove(session.pid(), session)) {
            return CompletableFuture.completedFuture(Optional.empty()); // recovered meanwhile by another connection
        }
        return CompletableFuture.completedFuture(missedAfter(sequenceOf(offset), session, clock.instant()));
    }

    /** How many events are kept. */
    public synchronized int size() {
        return events.size();
    }

    /** Under the lock {@link #record} takes: every event recorded after this is the live stream's. */
    private synchronized Optional<Replay> missedAfter(long sequence, SessionSnapshot session, Instant now) {
        dropExpired(now);
        // Recoverable only if every event after the offset is still kept.
        if (sequence < droppedThrough || sequence >= nextSequence) {
            return Optional.empty();
        }
        List<Packet.Event> missed = new ArrayList<>();
        for (Stored stored : events) {
            if (stored.sequence > sequence && stored.event.namespace().equals(session.namespace())
                    && stored.target.matches(session.rooms())) {
                missed.add(stored.event);
            }
        }
        long through = nextSequence - 1;
        return Optional.of(new SequenceReplay(List.copyOf(missed), through));
    }

    /** The replay of every event up to sequence {@code through}: a held live event at or before it is in it. */
    private final class SequenceReplay implements Replay {
        private final List<Packet.Event> missed;
        private final long through;

        SequenceReplay(List<Packet.Event> missed, long through) {
            this.missed = missed;
            this.through = through;
        }

        @Override
        public List<Packet.Event> missed() {
            return missed;
        }

        @Override
        public boolean covers(String offset) {
            long sequence = sequenceOf(offset);
            return sequence >= 0 && sequence <= through;
        }
    }

    private long sequenceOf(String offset) {
        String prefix = epoch + "-";
        if (offset == null || !offset.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(offset.substring(prefix.length()), 36);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void dropExpired(Instant now) {
        Instant oldestKept = now.minus(window);
        while (!events.isEmpty() && events.peekFirst().emittedAt.isBefore(oldestKept)) {
            droppedThrough = events.removeFirst().sequence;
        }
    }

    private void sweepSessions(Instant now) {
        synchronized (sessions) {
            if (lastSessionSweep.plusSeconds(1).isAfter(now)) {
                return;
            }
            lastSessionSweep = now;
        }
        Instant oldestKept = now.minus(window);
        sessions.values().removeIf(s -> s.disconnectedAt().isBefore(oldestKept));
    }

    private record Stored(long sequence, Packet.Event event, BroadcastTarget target, Instant emittedAt) {
    }
}
