package com.ticketing.message.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL over the {@code messages} table. Every query is written against one of the table's indexes
 * (see V1__messages.sql); soft-deleted rows are invisible to every read except {@link #lockById}.
 * Runs in the caller's transaction when there is one.
 */
@Repository
public class MessageStore {

    static final String CONVERSATION_SQL = """
            SELECT %s FROM messages
             WHERE LEAST(sender_id, receiver_id) = :low AND GREATEST(sender_id, receiver_id) = :high
               AND deleted_at IS NULL
             ORDER BY created_at DESC, id DESC
             LIMIT :limit OFFSET :offset
            """.formatted(StoredMessage.COLUMNS);

    /**
     * The page before a message, by (created_at, id): stable while new messages arrive. The anchor may
     * have been deleted since; its position still holds.
     */
    static final String CONVERSATION_BEFORE_SQL = """
            SELECT %s FROM messages
             WHERE LEAST(sender_id, receiver_id) = :low AND GREATEST(sender_id, receiver_id) = :high
               AND (created_at, id) < (:beforeAt, :beforeId)
               AND deleted_at IS NULL
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """.formatted(StoredMessage.COLUMNS);

    /**
     * Takes the sender's lock for the rest of the transaction (an advisory lock on his id, not a row),
     * so two of his sends never judge the send window on the same stale set, then inserts. Under the
     * conversation's lock, taken by the statement before, the message is stored after every message of the
     * conversation that committed before it: at {@code :now}, or a microsecond after the conversation's
     * newest message if the clock says otherwise (a step back, or a tie). An instance whose clock runs
     * ahead therefore carries the conversation's later messages a microsecond past its time until the
     * others' clocks catch up: order over accuracy, by microseconds where clocks agree.
     */
    private static final String INSERT_SQL = """
            INSERT INTO messages (id, sender_id, receiver_id, content, transaction_id, listing_id,
                                  client_message_id, created_at, updated_at, requested_at)
            SELECT :id, :sender, :receiver, :content, :transaction, :listing, :clientMessageId, at.t, at.t, :requestedAt
              FROM pg_advisory_xact_lock(hashtextextended('send-window:' || :sender, 0)),
                   (SELECT GREATEST(:now, (SELECT created_at + interval '1 microsecond' FROM messages
                                            WHERE LEAST(sender_id, receiver_id) = :low
                                              AND GREATEST(sender_id, receiver_id) = :high
                                            ORDER BY created_at DESC, id DESC LIMIT 1)) AS t) at
            ON CONFLICT (sender_id, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING
            RETURNING %s
            """.formatted(StoredMessage.COLUMNS);

    static final String SEND_CONTEXT_SQL = """
            SELECT sent.requested_at, CAST(NULL AS varchar) AS blocker_id
              FROM (SELECT requested_at FROM messages
                     WHERE sender_id = :sender AND requested_at > :after AND requested_at < :before AND id <> :except
                     ORDER BY requested_at LIMIT :limit) sent
            UNION ALL
            SELECT CAST(NULL AS timestamptz), blocker_id FROM user_blocks
             WHERE (blocker_id = :receiver AND blocked_id = :sender) OR (blocker_id = :sender AND blocked_id = :receiver)
            """;

    private final DatabaseClient db;

    public MessageStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts the message; empty when the sender already stored one with the same client message id.
     * Call it holding the conversation's lock ({@link ConversationStore#lock}).
     */
    public Mono<StoredMessage> insertUnlessDuplicate(NewMessage message) {
        boolean senderFirst = message.senderId().compareTo(message.receiverId()) < 0;
        return bindNullable(db.sql(INSERT_SQL)
                .bind("id", message.id())
                .bind("sender", message.senderId())
                .bind("receiver", message.receiverId())
                .bind("content", message.content())
                .bind("now", message.createdAt())
                .bind("low", senderFirst ? message.senderId() : message.receiverId())
                .bind("high", senderFirst ? message.receiverId() : message.senderId())
                .bind("requestedAt", message.requestedAt()), message)
                .map((row, meta) -> StoredMessage.from(row))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, NewMessage m) {
        spec = bindOrNull(spec, "transaction", m.transactionId());
        spec = bindOrNull(spec, "listing", m.listingId());
        return bindOrNull(spec, "clientMessageId", m.clientMessageId());
    }

    private static DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    /** The message a sender stored under a client message id, deleted or not. */
    public Mono<StoredMessage> findByClientMessageId(String senderId, String clientMessageId) {
        return db.sql("SELECT " + StoredMessage.COLUMNS
                        + " FROM messages WHERE sender_id = :sender AND client_message_id = :clientMessageId")
                .bind("sender", senderId)
                .bind("clientMessageId", clientMessageId)
                .map((row, meta) -> StoredMessage.from(row))
                .one();
    }

    /**
     * What decides whether a new message may stay, in one round trip: when the sender sent his other
     * messages strictly between two instants (deleted ones too, all but {@code except}), and which of the
     * two users blocks the other.
     */
    public Mono<SendContext> sendContext(String senderId, String receiverId, Instant after, Instant before,
                                         UUID except, int limit) {
        return db.sql(SEND_CONTEXT_SQL)
                .bind("sender", senderId).bind("receiver", receiverId)
                .bind("after", after).bind("before", before).bind("except", except).bind("limit", limit)
                .map((row, meta) -> new Object[] {StoredMessage.instant(row, "requested_at"), row.get("blocker_id", String.class)})
                .all()
                .collectList()
                .map(SendContext::of);
    }

    /** The sender's other send times in ascending order, and the ids of whoever blocks the other of the two. */
    public record SendContext(List<Instant> sendTimes, Set<String> blockers) {

        static SendContext of(List<Object[]> rows) {
            List<Instant> times = new ArrayList<>();
            Set<String> blockers = new HashSet<>();
            for (Object[] row : rows) {
                if (row[0] != null) {
                    times.add((Instant) row[0]);
                } else if (row[1] != null) {
                    blockers.add((String) row[1]);
                }
            }
            times.sort(null);
            return new SendContext(List.copyOf(times), Set.copyOf(blockers));
        }
    }

    /** The message, deleted or not. */
    public Mono<StoredMessage> findById(UUID id) {
        return db.sql("SELECT " + StoredMessage.COLUMNS + " FROM messages WHERE id = :id")
                .bind("id", id)
                .map((row, meta) -> StoredMessage.from(row))
                .one();
    }

    /** The message with its row locked until the transaction ends (deleted or not). */
    public Mono<StoredMessage> lockById(UUID id) {
        return db.sql("SELECT " + StoredMessage.COLUMNS + " FROM messages WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((row, meta) -> StoredMessage.from(row))
                .one();
    }

    /** Marks one message read; returns the updated row. */
    public Mono<StoredMessage> markRead(UUID id, Instant at) {
        return db.sql("""
                        UPDATE messages SET is_read = true, read_at = :at, updated_at = :at
                         WHERE id = :id AND is_read = false AND deleted_at IS NULL
                        RETURNING %s
                        """.formatted(StoredMessage.COLUMNS))
                .bind("id", id)
                .bind("at", at)
                .map((row, meta) -> StoredMessage.from(row))
                .one();
    }

    /** Marks every unread message from {@code senderId} to {@code readerId} read; returns how many. */
    public Mono<Long> markConversationRead(String readerId, String senderId, Instant at) {
        return db.sql("""
                        UPDATE messages SET is_read = true, read_at = :at, updated_at = :at
                         WHERE receiver_id = :reader AND sender_id = :sender AND is_read = false AND deleted_at IS NULL
                        """)
                .bind("reader", readerId)
                .bind("sender", senderId)
                .bind("at", at)
                .fetch().rowsUpdated();
    }

    /** Soft-deletes a message; returns the updated row. */
    public Mono<StoredMessage> softDelete(UUID id, Instant at) {
        return db.sql("""
                        UPDATE messages SET deleted_at = :at, updated_at = :at
                         WHERE id = :id AND deleted_at IS NULL
                        RETURNING %s
                        """.formatted(StoredMessage.COLUMNS))
                .bind("id", id)
                .bind("at", at)
                .map((row, meta) -> StoredMessage.from(row))
                .one();
    }

    /** The messages between two users, newest first. */
    public Flux<StoredMessage> conversation(String userA, String userB, Page page) {
        boolean aFirst = userA.compareTo(userB) <= 0;
        return db.sql(CONVERSATION_SQL)
                .bind("low", aFirst ? userA : userB)
                .bind("high", aFirst ? userB : userA)
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map((row, meta) -> StoredMessage.from(row))
                .all();
    }

    /** The messages between two users older than {@code anchor} (one of theirs), newest first. */
    public Flux<StoredMessage> conversationBefore(String userA, String userB, StoredMessage anchor, int limit) {
        boolean aFirst = userA.compareTo(userB) <= 0;
        return db.sql(CONVERSATION_BEFORE_SQL)
                .bind("low", aFirst ? userA : userB)
                .bind("high", aFirst ? userB : userA)
                .bind("beforeAt", anchor.createdAt())
                .bind("beforeId", anchor.id())
                .bind("limit", limit)
                .map((row, meta) -> StoredMessage.from(row))
                .all();
    }

    /** The user's messages (sent or received) about a transaction, newest first. */
    public Flux<StoredMessage> aboutTransaction(String userId, String transactionId, Page page) {
        return about("transaction_id", userId, transactionId, page);
    }

    /** The user's messages (sent or received) about a listing, newest first. */
    public Flux<StoredMessage> aboutListing(String userId, String listingId, Page page) {
        return about("listing_id", userId, listingId, page);
    }

    private Flux<StoredMessage> about(String column, String userId, String value, Page page) {
        return db.sql("SELECT " + StoredMessage.COLUMNS + " FROM messages WHERE " + column + " = :value"
                        + " AND (sender_id = :user OR receiver_id = :user) AND deleted_at IS NULL"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("value", value)
                .bind("user", userId)
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map((row, meta) -> StoredMessage.from(row))
                .all();
    }
}
