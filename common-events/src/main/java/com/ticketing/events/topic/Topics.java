package com.ticketing.events.topic;

import static com.ticketing.events.envelope.EventTypes.*;

import com.ticketing.events.envelope.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.config.TopicConfig;

/** The topics of the contract (section 5), with the partitions and retention each needs. */
public final class Topics {

    /** Input and update topics keep their whole history so analytics can replay them. */
    static final Map<String, String> KEEP_FOREVER = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    static final Map<String, String> KEEP_30_DAYS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(30).toMillis()));

    /** A push request is worth something for days at most: a push service that was down a week sends none of it. */
    static final Map<String, String> KEEP_7_DAYS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()));

    /** The latest fact per key, kept for good: a table in topic form, read from the start by every reader. */
    static final Map<String, String> LATEST_PER_KEY = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    /** Typing signals are worthless after seconds; small segments let them really expire within minutes. */
    static final Map<String, String> SHORT_LIVED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofMinutes(2).toMillis()),
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofMinutes(1).toMillis()));

    /**
     * Presence is rebuilt from a day of connects, disconnects and heartbeats at most. Its records carry
     * the broker's append time: liveness is judged on one clock, not on each gateway's own.
     */
    static final Map<String, String> PRESENCE = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(1).toMillis()),
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()),
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    public static final Topic LISTING_EVENTS = new Topic("marketplace.listing-events", 6, KEEP_FOREVER,
            Set.of(LISTING_CREATED, LISTING_PRICE_CHANGED, LISTING_QUANTITY_CHANGED, LISTING_STATUS_CHANGED));

    public static final Topic TRANSACTION_EVENTS = new Topic("marketplace.transaction-events", 6, KEEP_FOREVER,
            Set.of(TRANSACTION_CREATED, TRANSACTION_PAYMENT_RECEIVED, TRANSACTION_PAYMENT_CONFIRMED,
                    TRANSACTION_COMPLETED, TRANSACTION_DISPUTE_FILED, TRANSACTION_CANCELLED));

    public static final Topic LISTING_UPDATES = new Topic("realtime.listing-updates", 6, KEEP_FOREVER,
            Set.of(LISTING_UPDATED));

    public static final Topic TRANSACTION_UPDATES = new Topic("realtime.transaction-updates", 6, KEEP_FOREVER,
            Set.of(TRANSACTION_UPDATED));

    public static final Topic MESSAGE_COMMANDS = new Topic("messaging.message-commands", 6, KEEP_30_DAYS,
            Set.of(MESSAGE_SEND_REQUESTED));

    public static final Topic MESSAGE_EVENTS = new Topic("messaging.message-events", 6, KEEP_FOREVER,
            Set.of(MESSAGE_SENT, MESSAGE_READ, CONVERSATION_READ, MESSAGE_DELETED, MESSAGE_REJECTED));

    public static final Topic TYPING_SIGNALS = new Topic("realtime.typing-signals", 3, SHORT_LIVED,
            Set.of(TYPING_STARTED, TYPING_STOPPED));

    /**
     * One partition: every gateway folds the whole presence stream into one store (a socket's user and
     * its instance's heartbeats must meet in the same task), and the volume is small.
     */
    public static final Topic PRESENCE_EVENTS = new Topic("gateway.presence-events", 1, PRESENCE,
            Set.of(PRESENCE_SOCKET_CONNECTED, PRESENCE_SOCKET_DISCONNECTED, PRESENCE_HEARTBEAT));

    /** Push requests for receivers who were offline (contract section 5), keyed by the receiver. */
    public static final Topic NOTIFICATION_REQUESTS = new Topic("notifications.push-requests", 6, KEEP_7_DAYS,
            Set.of(NOTIFICATION_REQUESTED));

    /** Reported messages for moderation, keyed by message id; kept for good, as evidence. */
    public static final Topic MODERATION_REPORTS = new Topic("moderation.reports", 3, KEEP_FOREVER,
            Set.of(MESSAGE_REPORTED));

    /**
     * message-service's own: who blocked whom, the latest fact per blocker and blocked user
     * ({@link com.ticketing.events.payload.block.BlockKey}), compacted; every gateway reads it whole to
     * refuse typing between blocked users. PostgreSQL stays the source of truth; this is its feed.
     */
    public static final Topic USER_BLOCKS = new Topic("messaging.user-blocks", 3, LATEST_PER_KEY,
            Set.of(USER_BLOCKED, USER_UNBLOCKED));

    /**
     * The gateway's own connection state for recovery (contract section 3): the latest record of each
     * socket by its pid. Compacted, and older segments deleted after a day: a live socket's record is
     * rewritten every half minute, so only sessions long gone age out.
     */
    static final Map<String, String> SESSIONS = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(1).toMillis()),
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()),
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(Duration.ofMinutes(10).toMillis()));

    /** Socket sessions of every gateway, keyed by pid (not CloudEvents: the gateway's private state). */
    public static final Topic SOCKET_SESSIONS = new Topic("gateway.socket-sessions", 6, SESSIONS, Set.of());

    /** The ten topics of the contract. */
    public static final List<Topic> CONTRACT = List.of(LISTING_EVENTS, TRANSACTION_EVENTS, LISTING_UPDATES,
            TRANSACTION_UPDATES, MESSAGE_COMMANDS, MESSAGE_EVENTS, TYPING_SIGNALS, PRESENCE_EVENTS,
            NOTIFICATION_REQUESTS, MODERATION_REPORTS);

    /** Topics the services keep for themselves beside the contract's (documented in the README). */
    public static final List<Topic> PRIVATE = List.of(USER_BLOCKS, SOCKET_SESSIONS);

    /** The topics whose consumers refuse records to a dead-letter topic. */
    public static final List<Topic> WITH_DEAD_LETTERS = List.of(LISTING_EVENTS, TRANSACTION_EVENTS, MESSAGE_COMMANDS);

    /** Every topic to provision: the contract's ten, their dead-letter topics and the private ones. */
    public static final List<Topic> ALL = Stream.of(CONTRACT.stream(),
            WITH_DEAD_LETTERS.stream().map(Topic::deadLetter), PRIVATE.stream()).flatMap(s -> s).toList();

    private Topics() {
    }

    /** The topic that carries events of this type (each type lives on exactly one topic). */
    public static Optional<Topic> carrying(EventType<?> type) {
        return Stream.concat(CONTRACT.stream(), PRIVATE.stream()).filter(topic -> topic.carries(type)).findFirst();
    }
}
