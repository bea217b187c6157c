package com.ticketing.message.store;

import com.ticketing.events.payload.message.ConversationKey;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code conversation_summaries} table: each user's view of each conversation (last message, his
 * unread count), changed in the transaction of every message change so that it always equals a recount.
 * Both rows of a conversation are always locked in the same order (the lower user id first), so two
 * changes of one conversation never deadlock on them.
 * <p>
 * Every change of a conversation first takes the conversation's own lock ({@link #lock}), before any row
 * lock: its changes then commit one after the other, so the order of its history, of its summaries'
 * changes and of its outbox rows (which the relay publishes by id) is one order.
 */
@Repository
public class ConversationStore {

    static final String CONVERSATIONS_SQL = """
            SELECT %s, c.other_id, c.unread_count
              FROM conversation_summaries c JOIN messages m ON m.id = c.last_message_id
             WHERE c.user_id = :user AND c.last_message_id IS NOT NULL
             ORDER BY c.last_message_at DESC, c.last_message_id DESC
             LIMIT :limit OFFSET :offset
            """.formatted(StoredMessage.columnsOf("m"));

    static final String UNREAD_COUNT_SQL = """
            SELECT COALESCE(sum(unread_count), 0) AS unread FROM conversation_summaries
             WHERE user_id = :user AND unread_count > 0
            """;

    /**
     * An advisory lock on the conversation key, not a row: it exists before the conversation's first message.
     * Defined in the database (V5__send_locks.sql), as the send's two locks are.
     */
    private static final String CONVERSATION_LOCK_SQL = "SELECT 1 FROM lock_conversation(:key)";

    private static final String LOCK_SQL = """
            SELECT user_id FROM conversation_summaries
             WHERE (user_id = :low AND other_id = :high) OR (user_id = :high AND other_id = :low)
             ORDER BY user_id FOR UPDATE
            """;

    /**
     * After a deletion, both rows at once: one fewer unread for the receiver if it was unread, and the
     * newest message still there as the last one if the deleted one was it. Runs after {@link #LOCK_SQL},
     * so its snapshot already sees every other change of this conversation that committed before this one
     * got the lock (and the rows are locked in order already).
     */
    private static final String DELETED_SQL = """
            WITH latest AS (
                SELECT id, created_at FROM messages
                 WHERE LEAST(sender_id, receiver_id) = :low AND GREATEST(sender_id, receiver_id) = :high
                   AND deleted_at IS NULL
                 ORDER BY created_at DESC, id DESC LIMIT 1)
            UPDATE conversation_summaries c SET
                unread_count = c.unread_count - CASE WHEN c.user_id = :receiver THEN :unread ELSE 0 END,
                last_message_id = CASE WHEN c.last_message_id = :deleted THEN (SELECT id FROM latest)
                    ELSE c.last_message_id END,
                last_message_at = CASE WHEN c.last_message_id = :deleted THEN (SELECT created_at FROM latest)
                    ELSE c.last_message_at END
             WHERE (c.user_id = :low AND c.other_id = :high) OR (c.user_id = :high AND c.other_id = :low)
            """;


    private final DatabaseClient db;

    public ConversationStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Takes the lock of the conversation between the two users for the rest of the transaction, waiting
     * for whichever change of it holds the lock to end. Take it before anything else of the change, and
     * in a statement of its own: the statements after it then see every change of this conversation that
     * committed before.
     */
    public Mono<Void> lock(String userA, String userB) {
        return db.sql(CONVERSATION_LOCK_SQL).bind("key", ConversationKey.of(userA, userB)).then();
    }

    /** The reader read {@code count} messages from {@code senderId}. */
    public Mono<Void> recordRead(String readerId, String senderId, long count) {
        return db.sql("""
                        UPDATE conversation_summaries SET unread_count = unread_count - :count
                         WHERE user_id = :reader AND other_id = :sender
                        """)
                .bind("count", count)
                .bind("reader", readerId)
                .bind("sender", senderId)
                .fetch().rowsUpdated().then();
    }

    /** A message of this conversation was deleted (in this transaction). */
    public Mono<Void> recordDeleted(StoredMessage deleted) {
        boolean senderLow = deleted.senderId().compareTo(deleted.receiverId()) < 0;
        String low = senderLow ? deleted.senderId() : deleted.receiverId();
        String high = senderLow ? deleted.receiverId() : deleted.senderId();
        Mono<Void> lock = db.sql(LOCK_SQL).bind("low", low).bind("high", high).fetch().all().then();
        return lock.then(db.sql(DELETED_SQL)
                .bind("low", low).bind("high", high)
                .bind("receiver", deleted.receiverId())
                .bind("unread", deleted.isRead() ? 0 : 1)
                .bind("deleted", deleted.id())
                .fetch().rowsUpdated().then());
    }

    /** Notes that the user was sent a push request about his conversation with {@code otherId}. */
    public Mono<Void> markNotified(String userId, String otherId, Instant at) {
        return db.sql("UPDATE conversation_summaries SET notified_at = :at WHERE user_id = :user AND other_id = :other")
                .bind("at", at).bind("user", userId).bind("other", otherId)
                .fetch().rowsUpdated().then();
    }

    /** The user's conversations, newest last message first, with his unread count in each. */
    public Flux<ConversationSummary> conversations(String userId, Page page) {
        return db.sql(CONVERSATIONS_SQL)
                .bind("user", userId)
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map((row, meta) -> new ConversationSummary(row.get("other_id", String.class), StoredMessage.from(row),
                        Optional.ofNullable(row.get("unread_count", Integer.class)).orElse(0)))
                .all();
    }

    /** How many messages the user has received and not read yet. */
    public Mono<Long> unreadCount(String userId) {
        return db.sql(UNREAD_COUNT_SQL)
                .bind("user", userId)
                .map((row, meta) -> ((Number) row.get("unread")).longValue())
                .one();
    }

    /** The receiver's row of a conversation after a send: his unread count there and his last push request. */
    public record ReceiverSide(String userId, int unreadCount, Instant notifiedAt) {
    }
}
