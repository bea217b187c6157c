package com.ticketing.gateway.recovery;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.events.serde.EventJson;
import com.ticketing.gateway.fanout.Rooms;
import com.ticketing.gateway.fanout.UpdateRouter;
import com.ticketing.gateway.socket.ConnectionGate;
import com.ticketing.gateway.streams.GatewayStreams;
import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.recovery.RecoveryHook;
import com.ticketing.socketio.server.recovery.SessionSnapshot;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connection state recovery from Kafka, so a client resumes on any gateway, also after its own
 * crashed. An event's offset is the feed's {@link Cut} when it was emitted; the socket's user and rooms
 * are in {@link SessionStore}'s topic; what it missed is replayed from the window of recent records
 * every gateway keeps ({@link FeedState}), on the feed thread, so the replay ends exactly where the
 * live stream the socket rejoined begins. When the complete gap cannot be given (window passed, unknown
 * session, records no longer in memory) the client gets a fresh session: never a partial replay.
 */
public final class KafkaRecoveryHook implements RecoveryHook {

    private static final Logger log = LoggerFactory.getLogger(KafkaRecoveryHook.class);
    private static final JsonMapper JSON = EventJson.mapper();
    /** A resume reads from Kafka at most this often (the window may move on while it reads). */
    private static final int MAX_FETCHES = 3;
    /** The most records one batch of resumes reads back from Kafka; a longer gap starts afresh. */
    private static final long MAX_OLDER_RECORDS = 500_000;

    /** Reads records of one partition back from Kafka. */
    @FunctionalInterface
    public interface OlderRecords {
        /**
         * Every record of {@code topic}-{@code partition} from offset {@code from} up to (not including)
         * {@code to}, or null if they are no longer all there or more than {@code budget}.
         */
        List<FeedState.Kept> read(String topic, int partition, long from, long to, long budget);
    }

    private final FeedState feed;
    private final SessionStore sessions;
    private final GatewayStreams streams;
    private final Duration window;
    private final Duration refresh;
    private final Duration catchUpTimeout;
    private final Clock clock;
    private final Supplier<Namespace> namespace;
    /** Sessions found and not yet replayed or given up, by pid. */
    private final Map<String, SessionRecord> found = new ConcurrentHashMap<>();
    /** Sessions resumed, until their socket's connection listener takes them. */
    private final Map<String, SessionRecord> resumed = new ConcurrentHashMap<>();
    private final Queue<PendingReplay> pendingReplays = new ConcurrentLinkedQueue<>();
    /** Reads gaps older than the window back from Kafka, one slot range at a time, off the feed thread. */
    private final java.util.concurrent.ExecutorService olderReads = java.util.concurrent.Executors.newSingleThreadExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "recovery-older-reads");
                thread.setDaemon(true);
                return thread;
            });
    private final OlderRecords olderRecords;
    private final AtomicBoolean batchScheduled = new AtomicBoolean();

    /**
     * @param namespace    the application namespace, where a socket of the session may still be open
     * @param olderRecords reads a partition's records back from Kafka, for a gap older than the window
     */
    public KafkaRecoveryHook(FeedState feed, SessionStore sessions, GatewayStreams streams, Duration window,
                             Duration refresh, Duration catchUpTimeout, Clock clock, Supplier<Namespace> namespace,
                             OlderRecords olderRecords) {
        this.namespace = namespace;
        this.olderRecords = olderRecords;
        this.feed = feed;
        this.sessions = sessions;
        this.streams = streams;
        this.window = window;
        this.refresh = refresh;
        this.catchUpTimeout = catchUpTimeout;
        this.clock = clock;
    }

    @Override
    public Packet.Event record(Packet.Event event, BroadcastTarget target) {
        String cut = feed.cutOfEmit(target.rooms());
        return cut == null ? event : RecoveryHook.withOffset(event, cut);
    }

    @Override
    public void persist(SessionSnapshot session) {
        sessions.dropped(session.pid());
    }

    @Override
    public CompletionStage<Optional<SessionSnapshot>> find(String name, String pid, String offset,
                                                          Map<String, Object> attributes) {
        Object user = attributes.get(ConnectionGate.USER.name());
        if (!(user instanceof AuthenticatedUser authenticated) || Cut.parse(offset, feed.layout()).isEmpty()
                || !feed.isStarted()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return sessions.lookup(pid, catchUpTimeout).handle((record, failure) -> {
            if (failure != null) {
                log.warn("Session directory unavailable, {} starts afresh: {}", pid, failure.toString());
                return Optional.<SessionRecord>empty();
            }
            return record.filter(session -> resumable(session, authenticated));
        }).thenCompose(record -> record.isEmpty() ? CompletableFuture.completedFuture(Optional.<SessionSnapshot>empty())
                : previousClosed(record.get().sid(), System.nanoTime() + catchUpTimeout.toNanos()).thenApply(closed -> {
                    SessionRecord session = record.get();
                    found.put(pid, session);
                    return Optional.of(new SessionSnapshot(name, session.sid(), pid,
                            roomsStillAllowed(session, authenticated), Map.of(), session.lastSeen()));
                }));
    }

    /**
     * The client came back before this gateway saw its old connection go (a half-open TCP connection):
     * that one is closed first, and gone, before the socket resumes under the same id.
     */
    private CompletionStage<Void> previousClosed(String sid, long deadlineNanos) {
        Socket previous = namespace.get().socket(sid);
        if (previous == null || System.nanoTime() > deadlineNanos) {
            return CompletableFuture.completedFuture(null);
        }
        previous.connection().close(DisconnectReason.TRANSPORT_CLOSE);
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS))
                .thenCompose(waited -> previousClosed(sid, deadlineNanos));
    }

    /** The same user, and last seen alive within the window (a crashed holder's record is up to one refresh old). */
    private boolean resumable(SessionRecord session, AuthenticatedUser user) {
        Instant lastSeen = session.lastSeen();
        Duration allowed = session.disconnectedAt() != null ? window : window.plus(refresh);
        return session.userId().equals(user.userId()) && !lastSeen.plus(allowed).isBefore(clock.instant());
    }

    /** Its socket id, its personal room, its listings, and the transactions the user still takes part in. */
    private Set<String> roomsStillAllowed(SessionRecord session, AuthenticatedUser user) {
        Set<String> rooms = new HashSet<>();
        rooms.add(session.sid());
        for (String room : session.rooms().keySet()) {
            if (room.startsWith(Rooms.transaction(""))) {
                String transactionId = room.substring(Rooms.transaction("").length());
                try {
                    if (streams.participants().isParticipant(transactionId, user.userId()).orElse(false)) {
                        rooms.add(room);
                    }
                } catch (RuntimeException storeNotReady) {
                    // not restored: the room stays closed rather than opened unchecked
                }
            } else {
                rooms.add(room);
            }
        }
        return rooms;
    }

    @Override
    public CompletionStage<Optional<Replay>> replay(SessionSnapshot session, String offset) {
        SessionRecord record = found.remove(session.pid());
        Optional<Cut> cut = Cut.parse(offset, feed.layout());
        if (record == null || cut.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        PendingReplay pending = new PendingReplay(session.pid(), cut.get(), record, session.rooms(),
                System.nanoTime() + catchUpTimeout.toNanos(), new CompletableFuture<>(), Map.of(), 0);
        pendingReplays.add(pending);
        scheduleBatch();
        return pending.result();
    }

    private record PendingReplay(String pid, Cut cut, SessionRecord record, Set<String> rooms, long deadlineNanos,
                                 CompletableFuture<Optional<Replay>> result, Map<Integer, Older> older, int fetches) {

        PendingReplay withOlder(Map<Integer, Older> fetched) {
            Map<Integer, Older> merged = new HashMap<>(older);
            merged.putAll(fetched);
            return new PendingReplay(pid, cut, record, rooms, deadlineNanos, result, merged, fetches + 1);
        }
    }

    /** Records of one slot read back from Kafka: every record from {@code from} up to (not including) {@code to}. */
    private record Older(long from, long to, List<FeedState.Kept> records) {
    }

    /** One client event a record became, as the live path emitted it: its index within the record. */
    private record Emit(int index, String name, List<String> rooms, JsonNode payload) {
    }

    private void scheduleBatch() {
        if (batchScheduled.compareAndSet(false, true)) {
            feed.submit(this::runBatch);
        }
    }

    /**
     * On the feed thread, between polls: every replay asked for since the last one, in one pass over the
     * window (each record decoded and routed once, however many sockets resume), so a reconnect storm
     * costs the feed one pass and live fan-out goes on after it.
     */
    private void runBatch() {
        batchScheduled.set(false);
        List<PendingReplay> waiting = new ArrayList<>();
        List<PendingReplay> needOlder = new ArrayList<>();
        Map<Integer, Long> olderFrom = new HashMap<>();
        Map<Long, List<Emit>> routed = new HashMap<>();
        for (PendingReplay next = pendingReplays.poll(); next != null; next = pendingReplays.poll()) {
            PendingReplay pending = next;
            try {
                if (caughtUp(pending.cut(), pending.rooms())) {
                    Map<Integer, Long> missing = new HashMap<>();
                    Optional<Replay> computed = compute(pending, routed, missing);
                    if (!missing.isEmpty() && pending.fetches() < MAX_FETCHES) {
                        needOlder.add(pending); // part of the gap is older than the window: from Kafka
                        missing.forEach((slot, from) -> olderFrom.merge(slot, from, Math::min));
                        continue;
                    }
                    computed.ifPresent(done -> resumed.put(pending.pid(), pending.record()));
                    pending.result().complete(computed);
                } else if (System.nanoTime() < pending.deadlineNanos()) {
                    waiting.add(pending); // this gateway's feed is behind the client: after the next poll
                } else {
                    pending.result().complete(Optional.empty());
                }
            } catch (RuntimeException e) {
                pending.result().completeExceptionally(e);
            }
        }
        if (!waiting.isEmpty()) {
            pendingReplays.addAll(waiting);
            scheduleBatch();
        }
        if (!needOlder.isEmpty()) {
            Map<Integer, Long> upTo = new HashMap<>();
            olderFrom.keySet().forEach(slot -> upTo.put(slot, feed.next(slot)));
            olderReads.execute(() -> readOlder(needOlder, olderFrom, upTo));
        }
    }

    /**
     * Off the feed thread: every record of the slots some resumes need from before the window, one read
     * per slot from the oldest offset any of them needs; then those resumes are cut again with them.
     */
    private void readOlder(List<PendingReplay> resumes, Map<Integer, Long> from, Map<Integer, Long> upTo) {
        Map<Integer, Older> fetched = new HashMap<>();
        try {
            long budget = MAX_OLDER_RECORDS;
            for (Map.Entry<Integer, Long> slot : from.entrySet()) {
                List<FeedState.Kept> records = olderRecords.read(feed.layout().topicOf(slot.getKey()),
                        feed.layout().partitionOf(slot.getKey()), slot.getValue(), upTo.get(slot.getKey()), budget);
                if (records == null) {
                    throw new IllegalStateException("the gap is no longer in Kafka or too long to replay");
                }
                budget -= records.size();
                fetched.put(slot.getKey(), new Older(slot.getValue(), upTo.get(slot.getKey()), records));
            }
        } catch (RuntimeException e) {
            log.info("{} resumes start afresh: {}", resumes.size(), e.getMessage());
            resumes.forEach(pending -> pending.result().complete(Optional.empty()));
            return;
        }
        log.info("Read {} records of {} partitions back from Kafka for {} resuming sockets",
                fetched.values().stream().mapToInt(older -> older.records().size()).sum(), fetched.size(), resumes.size());
        resumes.forEach(pending -> pendingReplays.add(pending.withOlder(fetched)));
        scheduleBatch();
    }

    /** The record a resumed socket carries on with (its rooms' join offsets), once; null for a new socket. */
    public SessionRecord takeResumed(String pid) {
        return resumed.remove(pid);
    }

    /** Whether the feed here has read at least as far as the client had been sent, in every slot of its rooms. */
    private boolean caughtUp(Cut cut, Set<String> rooms) {
        for (String room : rooms) {
            for (int slot : feed.layout().slotsOf(room)) {
                long needed = cut.start(slot) + (cut.alreadySent(slot) > 0 ? 1 : 0);
                if (feed.next(slot) < needed) {
                    return false;
                }
            }
        }
        return true;
    }

    /** On the feed thread: the events for {@code rooms} the socket had not been sent, from the window. */
    private Optional<Replay> compute(PendingReplay pending, Map<Long, List<Emit>> routed, Map<Integer, Long> missing) {
        Cut cut = pending.cut();
        SessionRecord record = pending.record();
        Set<String> rooms = pending.rooms();
        long[] through = feed.nextOffsets();
        // Where each room's replay starts in each of its slots.
        Map<Integer, Map<String, Long>> startBySlot = new LinkedHashMap<>();
        for (String room : rooms) {
            int[] slots = feed.layout().slotsOf(room);
            long[] joined = record.rooms().get(room);
            for (int i = 0; i < slots.length; i++) {
                int slot = slots[i];
                long start = cut.start(slot);
                if (joined != null && i < joined.length) {
                    start = Math.max(start, joined[i]);
                }
                start = Math.max(start, quietSince(record, cut, slot, room));
                if (start < through[slot] && start < feed.windowStart(slot)) {
                    Older older = pending.older().get(slot);
                    if (older == null || older.from() > start || older.to() < feed.windowStart(slot)) {
                        missing.merge(slot, start, Math::min); // part of the gap is no longer in memory
                    }
                }
                startBySlot.computeIfAbsent(slot, s -> new LinkedHashMap<>()).put(room, start);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.empty();
        }
        List<Packet.Event> missed = new ArrayList<>();
        long[] progress = cut.next();
        startBySlot.forEach((slot, starts) -> {
            long from = starts.values().stream().mapToLong(Long::longValue).min().orElse(through[slot]);
            if (from >= through[slot]) {
                return;
            }
            Older older = pending.older().get(slot);
            long windowStart = feed.windowStart(slot);
            Iterable<FeedState.Kept> records = older == null || from >= windowStart ? feed.window(slot)
                    : () -> java.util.stream.Stream.concat(
                            older.records().stream().filter(kept -> kept.offset() < windowStart),
                            java.util.stream.StreamSupport.stream(feed.window(slot).spliterator(), false)).iterator();
            for (FeedState.Kept kept : records) {
                if (kept.offset() < from || kept.offset() >= through[slot]) {
                    continue;
                }
                int skip = kept.offset() == cut.start(slot) ? cut.alreadySent(slot) : 0;
                for (Emit emit : routed.computeIfAbsent(((long) slot << 48) | kept.offset(), key -> route(kept))) {
                    if (emit.index() > skip && isFor(emit, starts, kept.offset())) {
                        long[] at = progress.clone();
                        at[slot] = kept.offset();
                        String offset = new Cut(feed.layout().fingerprint(), at, slot, emit.index()).encode();
                        missed.add(RecoveryHook.withOffset(new Packet.Event("/", emit.name(), List.of(emit.payload()),
                                Packet.NO_ACK), offset));
                    }
                }
                progress[slot] = kept.offset() + 1;
            }
        });
        return Optional.of(new WindowReplay(List.copyOf(missed), through, feed.layout()));
    }

    private static boolean isFor(Emit emit, Map<String, Long> starts, long offset) {
        for (String room : emit.rooms()) {
            Long start = starts.get(room);
            if (start != null && offset >= start) {
                return true;
            }
        }
        return false;
    }

    /** The client events a record became, numbered as the live path numbered them. */
    private List<Emit> route(FeedState.Kept kept) {
        if (kept.repeat()) {
            return List.of(); // the live path sent this event id's first copy and nothing for this one
        }
        CloudEvent<?> event;
        try {
            event = EventCodec.decode(kept.value());
        } catch (EventDecodingException unreadable) {
            return List.of(); // the live path skipped it too
        }
        List<Emit> emits = new ArrayList<>(2);
        new UpdateRouter((targetRooms, name, payload) -> emits.add(new Emit(emits.size() + 1, name,
                List.copyOf(targetRooms), JSON.valueToTree(payload))), null, room -> true,
                (typist, receiver) -> false).route(event); // typing signals are never replayed
        return emits;
    }

    /**
     * Where a quiet room needs nothing older: if, when its holder last wrote the record, the last event
     * of {@code room} in {@code slot} was one the client had already been sent, nothing for it came
     * until that write's position.
     */
    private static long quietSince(SessionRecord record, Cut cut, int slot, String room) {
        if (record.sentThrough() == null || slot >= record.sentThrough().length) {
            return 0;
        }
        Long last = record.lastSent().get(slot + "/" + room);
        boolean clientHadIt = last == null || last < cut.start(slot);
        return clientHadIt ? record.sentThrough()[slot] : 0;
    }

    /** A replay from the window through {@code through}: a live event of a record before that is in it. */
    private record WindowReplay(List<Packet.Event> missed, long[] through, FeedLayout layout) implements Replay {

        @Override
        public boolean covers(String offset) {
            return Cut.parse(offset, layout).map(cut -> cut.start(cut.slot()) < through[cut.slot()]).orElse(false);
        }
    }
}
