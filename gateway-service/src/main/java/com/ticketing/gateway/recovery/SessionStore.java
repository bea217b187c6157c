package com.ticketing.gateway.recovery;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.serde.EventJson;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.kafka.ConsumerSettings;
import com.ticketing.gateway.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable half of recovery: every local socket's {@link SessionRecord} on
 * {@code gateway.socket-sessions}, written when it connects, when its rooms change (a subscription is
 * answered only once its record is acknowledged), every {@code refresh} while it lives and when it
 * drops; and a directory of every gateway's records, read from that topic, to resume any of them.
 */
public final class SessionStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    private static final JsonMapper JSON = EventJson.mapper();
    private static final String TOPIC = Topics.SOCKET_SESSIONS.name();

    /** A socket of this instance. */
    private static final class Live {
        final String sid;
        final String userId;
        final long epoch;
        final Map<String, long[]> rooms = new ConcurrentHashMap<>();

        Live(String sid, String userId, long epoch) {
            this.sid = sid;
            this.userId = userId;
            this.epoch = epoch;
        }
    }

    /** A session record as the topic holds it, with the epoch that decides which of two copies is newer. */
    private record Stored(long epoch, byte[] json) {
    }

    private record Waiter(TopicPartition partition, long offset, CompletableFuture<Void> caughtUp, long deadlineNanos) {
    }

    private final String instance;
    private final FeedState feed;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> reader;
    private final KafkaConsumer<String, byte[]> ends;
    /**
     * Every gateway's session records as read, still encoded: each is replaced every refresh, so a
     * decoded record (some twenty objects) would live just long enough to be copied by every young
     * collection in between; its JSON is one array. Decoded again when a client resumes.
     */
    private final Map<String, Stored> directory = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> readThrough = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread readerThread;
    /** Hands records to the producer in the order they were made, off the callers' threads. */
    private final java.util.concurrent.ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-writes");
        thread.setDaemon(true);
        return thread;
    });
    private final int partitions;
    /** Asks Kafka where the topic ends, off the event loops that handle CONNECTs. */
    private final java.util.concurrent.ExecutorService lookups = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "session-lookup");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.Queue<Lookup> pendingLookups = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    public SessionStore(String bootstrapServers, KafkaSecurity security, String instance, FeedState feed,
                        Duration refresh, Clock clock) {
        this.instance = instance;
        this.feed = feed;
        this.clock = clock;
        producer = new KafkaProducer<>(EventPublisher.producerConfig(bootstrapServers, security,
                "gateway-sessions-" + instance), new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumer = ConsumerSettings.withoutGroup(bootstrapServers, security,
                "gateway-session-directory-" + instance);
        reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
        ends = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = reader.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        this.partitions = partitions.size();
        readerThread = new Thread(this::readLoop, "session-directory");
        readerThread.setDaemon(true);
        readerThread.start();
        refresher.scheduleWithFixedDelay(this::refreshAll, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    // --- this instance's sockets ---

    /** A socket connected (or was resumed, then with the record it resumes); its personal room joined now. */
    public void connected(String pid, String sid, String userId, String personalRoom, SessionRecord resumed) {
        Live session = new Live(sid, userId, resumed == null ? 0 : resumed.epoch() + 1);
        if (resumed != null) {
            session.rooms.putAll(resumed.rooms());
        }
        session.rooms.putIfAbsent(personalRoom, joinedNow(personalRoom));
        live.put(pid, session);
        write(pid, session, null);
    }

    /**
     * The socket is about to join {@code room}: its record says so, with the feed's position now. The
     * stage completes once Kafka acknowledged it, so a crash after the answer cannot lose the room.
     */
    public CompletionStage<Void> joining(String pid, String room) {
        Live session = live.get(pid);
        if (session == null) {
            return CompletableFuture.completedFuture(null);
        }
        session.rooms.putIfAbsent(room, joinedNow(room));
        return write(pid, session, null);
    }

    /** The socket left {@code room}. */
    public void left(String pid, String room) {
        Live session = live.get(pid);
        if (session != null && session.rooms.remove(room) != null) {
            write(pid, session, null);
        }
    }

    /** The connection dropped for a reason the client may recover from: the record says when. */
    public void dropped(String pid) {
        Live session = live.remove(pid);
        if (session != null) {
            write(pid, session, clock.instant());
        }
    }

    /** The socket left for good (the client disconnected, or was disconnected on purpose): no record. */
    public void ended(String pid) {
        if (live.remove(pid) != null) {
            sender.execute(() -> producer.send(new ProducerRecord<>(TOPIC, pid, null)));
        }
    }

    private long[] joinedNow(String room) {
        int[] slots = feed.layout().slotsOf(room);
        long[] joined = new long[slots.length];
        for (int i = 0; i < slots.length; i++) {
            joined[i] = feed.publishedNext(slots[i]);
        }
        return joined;
    }

    private CompletionStage<Void> write(String pid, Live session, Instant disconnectedAt) {
        Map<String, Long> lastSent = new HashMap<>();
        for (String room : session.rooms.keySet()) {
            for (int slot : feed.layout().slotsOf(room)) {
                Long offset = feed.lastSent(slot, room);
                if (offset != null) {
                    lastSent.put(slot + "/" + room, offset);
                }
            }
        }
        SessionRecord record = new SessionRecord(session.sid, session.userId, instance, session.epoch,
                Map.copyOf(session.rooms), feed.publishedNextOffsets(), lastSent, clock.instant(), disconnectedAt);
        CompletableFuture<Void> written = new CompletableFuture<>();
        byte[] value = JSON.writeValueAsBytes(record);
        // send() may block on metadata for up to max.block.ms: never on the event loop that handles the socket.
        sender.execute(() -> {
            try {
                producer.send(new ProducerRecord<>(TOPIC, pid, value), (metadata, failure) -> {
                    if (failure != null) {
                        log.warn("Could not write the session of {}: {}", session.sid, failure.toString());
                        written.completeExceptionally(failure);
                    } else {
                        written.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        return written;
    }

    private void refreshAll() {
        try {
            live.forEach((pid, session) -> write(pid, session, null));
            feed.forgetRoomsNotLocal();
        } catch (RuntimeException e) {
            log.warn("Session refresh failed: {}", e.toString());
        }
    }

    // --- every gateway's sessions ---

    /**
     * The record of {@code pid} as the topic holds it now: waits (at most {@code timeout}) until the
     * directory has read the topic up to where it ended when asked, so a record written a moment ago by
     * a gateway that then crashed is seen.
     */
    public CompletionStage<Optional<SessionRecord>> lookup(String pid, Duration timeout) {
        Lookup lookup = new Lookup(pid, timeout, new CompletableFuture<>());
        pendingLookups.add(lookup);
        lookups.execute(this::askWhereTheTopicEnds);
        return lookup.caughtUp().thenApply(done -> Optional.ofNullable(directory.get(pid))
                .map(stored -> JSON.readValue(stored.json(), SessionRecord.class)));
    }

    private record Lookup(String pid, Duration timeout, CompletableFuture<Void> caughtUp) {
    }

    /** One request for every lookup waiting: a reconnect storm costs a few, not one per socket. */
    private void askWhereTheTopicEnds() {
        List<Lookup> batch = new ArrayList<>();
        for (Lookup next = pendingLookups.poll(); next != null; next = pendingLookups.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> end;
        try {
            List<TopicPartition> all = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                all.add(new TopicPartition(TOPIC, partition));
            }
            synchronized (ends) {
                end = ends.endOffsets(all, batch.get(0).timeout());
            }
        } catch (RuntimeException e) {
            batch.forEach(lookup -> lookup.caughtUp().completeExceptionally(e));
            return;
        }
        synchronized (waiters) {
            for (Lookup lookup : batch) {
                TopicPartition partition = partitionOf(lookup.pid());
                long offset = end.getOrDefault(partition, 0L);
                if (readThrough.getOrDefault(partition, 0L) >= offset) {
                    lookup.caughtUp().complete(null);
                } else {
                    waiters.add(new Waiter(partition, offset, lookup.caughtUp(),
                            System.nanoTime() + lookup.timeout().toNanos()));
                }
            }
        }
    }

    private TopicPartition partitionOf(String pid) {
        int partition = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                pid.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
        return new TopicPartition(TOPIC, partition);
    }

    private void readLoop() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(100))) {
                        take(record);
                    }
                    for (TopicPartition partition : reader.assignment()) {
                        readThrough.put(partition, reader.position(partition));
                    }
                    settleWaiters();
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    log.warn("Session directory poll failed, retrying: {}", e.toString());
                    Thread.sleep(500);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // closing
        } finally {
            reader.close(Duration.ofSeconds(2));
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            directory.remove(record.key());
            return;
        }
        try {
            SessionRecord session = JSON.readValue(record.value(), SessionRecord.class); // read whole: it must be valid
            directory.merge(record.key(), new Stored(session.epoch(), record.value()),
                    (kept, next) -> next.epoch() >= kept.epoch() ? next : kept);
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable session record at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
        }
    }

    private void settleWaiters() {
        long now = System.nanoTime();
        synchronized (waiters) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (readThrough.getOrDefault(waiter.partition(), 0L) >= waiter.offset()) {
                    waiter.caughtUp().complete(null);
                    it.remove();
                } else if (now > waiter.deadlineNanos()) {
                    waiter.caughtUp().completeExceptionally(new IllegalStateException(
                            "the session directory did not catch up in time"));
                    it.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        refresher.shutdownNow();
        lookups.shutdownNow();
        reader.wakeup();
        try {
            readerThread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        synchronized (ends) {
            ends.close(Duration.ofSeconds(2));
        }
    }
}
