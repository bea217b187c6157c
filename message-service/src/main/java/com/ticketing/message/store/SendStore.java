package com.ticketing.message.store;

import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.message.outbox.Outbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The write of a new message, in two round trips after the transaction's start: {@link #lock} takes the
 * conversation's and the sender's locks, then {@link #store} writes the message, counts it in both
 * summaries, queues its {@code message.sent} and reads what decides whether it may stay (the sender's
 * send window and the blocks between the two users), all in one statement. Each round trip costs the
 * service and PostgreSQL more than the work of most of these statements, and a send once took six.
 * <p>
 * Why the statement sees what it must: it starts after both locks are held, so its snapshot holds every
 * change of this conversation and every send of this sender that committed before. Its parts share that
 * snapshot: the send-window read does not see the message inserted beside it (and excludes its id anyway).
 * <p>
 * A batch of send commands shares its transaction's round trips: {@link #lockAndJudge} takes all its locks
 * and reads what decides every send at once, then {@link #store} writes each admitted message.
 */
@Repository
public class SendStore {

    /**
     * The message goes in at {@code :now}, or a microsecond after the conversation's newest message if the
     * clock says otherwise (a step back, or a tie): order over accuracy, by microseconds where clocks agree.
     * Its {@code message.sent} was encoded for {@code :now}, so the outbox row is written only when the
     * message got that time; otherwise the caller queues the event for the time it got. Nothing is written
     * and no row comes back when the sender already stored a message under the client message id.
     */
    private static final String STORE_SQL = """
            WITH stored AS (
                INSERT INTO messages (id, sender_id, receiver_id, content, transaction_id, listing_id,
                                      client_message_id, created_at, updated_at, requested_at)
                SELECT :id, :sender, :receiver, :content, :transaction, :listing, :clientMessageId, at.t, at.t,
                       :requestedAt
                  FROM (SELECT GREATEST(:now, (SELECT created_at + interval '1 microsecond' FROM messages
                                                WHERE LEAST(sender_id, receiver_id) = :low
                                                  AND GREATEST(sender_id, receiver_id) = :high
                                                ORDER BY created_at DESC, id DESC LIMIT 1)) AS t) at
                ON CONFLICT (sender_id, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING
                RETURNING %s
            ), counted AS (
                INSERT INTO conversation_summaries AS c (user_id, other_id, last_message_id, last_message_at,
                                                         unread_count)
                SELECT side.user_id, side.other_id, stored.id, stored.created_at, side.unread
                  FROM stored, (VALUES (:low, :high, :lowUnread), (:high, :low, :highUnread))
                                AS side (user_id, other_id, unread)
                ON CONFLICT (user_id, other_id) DO UPDATE SET
                    unread_count = c.unread_count + EXCLUDED.unread_count,
                    last_message_id = CASE WHEN c.last_message_id IS NULL
                            OR (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (c.last_message_at, c.last_message_id)
                        THEN EXCLUDED.last_message_id ELSE c.last_message_id END,
                    last_message_at = CASE WHEN c.last_message_id IS NULL
                            OR (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (c.last_message_at, c.last_message_id)
                        THEN EXCLUDED.last_message_at ELSE c.last_message_at END
                RETURNING c.user_id, c.unread_count, c.notified_at
            ), queued AS (
                INSERT INTO message_outbox (event_id, topic, record_key, event_type, payload)
                SELECT :eventId, :topic, :key, :type, :payload FROM stored WHERE stored.created_at = :now
                ON CONFLICT (event_id) DO NOTHING
            )
            SELECT %s, counted.unread_count, counted.notified_at,
                   ARRAY(SELECT CAST(EXTRACT(EPOCH FROM sent.requested_at) * 1000000 AS bigint) FROM messages sent
                          WHERE sent.sender_id = :sender AND sent.requested_at > :after AND sent.requested_at < :before
                            AND sent.id <> :id
                          ORDER BY sent.requested_at LIMIT :limit) AS send_times,
                   ARRAY(SELECT CAST(b.blocker_id AS varchar) FROM user_blocks b
                          WHERE (b.blocker_id = :receiver AND b.blocked_id = :sender)
                             OR (b.blocker_id = :sender AND b.blocked_id = :receiver)) AS blockers
              FROM stored JOIN counted ON counted.user_id = :receiver
            """.formatted(StoredMessage.COLUMNS, StoredMessage.columnsOf("stored"));

    private final DatabaseClient db;

    public SendStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Takes, for the rest of the transaction, the lock of the conversation between sender and receiver (that
     * of {@link ConversationStore#lock}) and then the sender's own. Take it first, in its own statement.
     */
    public Mono<Void> lock(String senderId, String receiverId) {
        return db.sql("SELECT 1 FROM lock_conversation_and_sender(:key, :sender)")
                .bind("key", ConversationKey.of(senderId, receiverId))
                .bind("sender", senderId)
                .then();
    }

    /**
     * Stores the message, counts it and queues {@code sent} (its {@code message.sent} for a message stored at
     * {@code message.createdAt()}); empty when the sender already stored one with the same client message id.
     * The window asks for the sender's other send times strictly between {@code windowFrom} and
     * {@code windowUntil}, at most {@code windowLimit} of them. Call it after {@link #lock}.
     */
    public Mono<NewlyStored> store(NewMessage message, Outbox.Row sent, Instant windowFrom, Instant windowUntil,
                                   int windowLimit) {
        boolean senderLow = message.senderId().compareTo(message.receiverId()) < 0;
        DatabaseClient.GenericExecuteSpec statement = MessageStore.bindNullable(db.sql(STORE_SQL)
                .bind("id", message.id())
                .bind("sender", message.senderId())
                .bind("receiver", message.receiverId())
                .bind("content", message.content())
                .bind("now", message.createdAt())
                .bind("low", senderLow ? message.senderId() : message.receiverId())
                .bind("high", senderLow ? message.receiverId() : message.senderId())
                .bind("lowUnread", senderLow ? 0 : 1)
                .bind("highUnread", senderLow ? 1 : 0)
                .bind("requestedAt", message.requestedAt())
                .bind("after", windowFrom)
                .bind("before", windowUntil)
                .bind("limit", windowLimit), message);
        return sent.bind(statement)
                .map((row, meta) -> new NewlyStored(StoredMessage.from(row),
                        new ConversationStore.ReceiverSide(message.receiverId(), row.get("unread_count", Integer.class),
                                StoredMessage.instant(row, "notified_at")),
                        instants(row.get("send_times", Long[].class)),
                        Set.copyOf(Arrays.asList(Objects.requireNonNullElse(row.get("blockers", String[].class),
                                new String[0])))))
                .one();
    }

    /**
     * Takes the locks of a batch of sends (every conversation's, then every sender's: see
     * {@code V6__send_batches.sql}) and reads what decides each send, in one round trip. Call it first in the
     * batch's transaction.
     *
     * @param conversationKeys every conversation the batch changes, sends and rejections alike
     * @param windows          each sender's window: his first stored send times strictly inside it come back
     * @param clientIds        the (sender, client message id) pairs of the batch's sends
     * @param pairs            the (sender, receiver) pairs of the batch's sends
     */
    public Mono<Judged> lockAndJudge(Collection<String> conversationKeys, Map<String, Window> windows,
                                     Collection<Pair> clientIds, Collection<Pair> pairs) {
        return db.sql("SELECT kind, user_id, other, epoch_micros FROM lock_and_judge_sends(:keys, :senders, :from,"
                        + " :until, :most, :clientSenders, :clientIds, :pairSenders, :pairReceivers)")
                .bind("keys", conversationKeys.toArray(String[]::new))
                .bind("senders", windows.keySet().toArray(String[]::new))
                .bind("from", windows.values().stream().map(window -> micros(window.after())).toArray(Long[]::new))
                .bind("until", windows.values().stream().map(window -> micros(window.before())).toArray(Long[]::new))
                .bind("most", windows.values().stream().map(Window::most).toArray(Integer[]::new))
                .bind("clientSenders", clientIds.stream().map(Pair::user).toArray(String[]::new))
                .bind("clientIds", clientIds.stream().map(Pair::other).toArray(String[]::new))
                .bind("pairSenders", pairs.stream().map(Pair::user).toArray(String[]::new))
                .bind("pairReceivers", pairs.stream().map(Pair::other).toArray(String[]::new))
                .map((row, meta) -> new JudgedRow(row.get("kind", String.class), row.get("user_id", String.class),
                        row.get("other", String.class), row.get("epoch_micros", Long.class)))
                .all()
                .collectList()
                .map(Judged::of);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static List<Instant> instants(Long[] epochMicros) {
        return epochMicros == null ? List.of() : Arrays.stream(epochMicros)
                .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS))
                .toList();
    }

    /** Two users, in an order the caller gives meaning to. */
    public record Pair(String user, String other) {
    }

    /** The first {@code most} send times strictly between {@code after} and {@code before}. */
    public record Window(Instant after, Instant before, int most) {
    }

    private record JudgedRow(String kind, String user, String other, Long epochMicros) {
    }

    /**
     * What decides a batch's sends, as stored when its locks were taken.
     *
     * @param storedClientIds the batch's (sender, client message id) pairs already stored
     * @param blocks          the (blocker, blocked) pairs between the batch's senders and receivers
     * @param sendTimes       each sender's first stored send times inside his window, ascending
     */
    public record Judged(Set<Pair> storedClientIds, Set<Pair> blocks, Map<String, List<Instant>> sendTimes) {

        static Judged of(List<JudgedRow> rows) {
            Set<Pair> stored = new HashSet<>();
            Set<Pair> blocks = new HashSet<>();
            Map<String, List<Instant>> times = new HashMap<>();
            for (JudgedRow row : rows) {
                switch (row.kind()) {
                    case "stored" -> stored.add(new Pair(row.user(), row.other()));
                    case "block" -> blocks.add(new Pair(row.user(), row.other()));
                    case "sent" -> times.computeIfAbsent(row.user(), sender -> new ArrayList<>())
                            .add(Instant.EPOCH.plus(row.epochMicros(), ChronoUnit.MICROS));
                    default -> throw new IllegalStateException("lock_and_judge_sends returned a row of kind " + row.kind());
                }
            }
            times.replaceAll((sender, sent) -> sent.stream().sorted().toList());
            return new Judged(Set.copyOf(stored), Set.copyOf(blocks), Map.copyOf(times));
        }
    }

    /**
     * A message just stored, not yet judged.
     *
     * @param receiver  the receiver's summary of the conversation after counting it
     * @param sendTimes the sender's other send times within the window asked for, ascending
     * @param blockers  which of the two users blocks the other
     */
    public record NewlyStored(StoredMessage message, ConversationStore.ReceiverSide receiver, List<Instant> sendTimes,
                              Set<String> blockers) {
    }
}
