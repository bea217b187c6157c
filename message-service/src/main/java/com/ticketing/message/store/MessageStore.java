package com.ticketing.message.store;

import java.time.Instant;
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

    private final DatabaseClient db;

    public MessageStore(DatabaseClient db) {
        this.db = db;
    }

    /** Binds a new message's optional columns, {@code :transaction, :listing, :clientMessageId}. */
    static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, NewMessage m) {
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
