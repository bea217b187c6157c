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
 * send window and the blocks between the two users), all in one statement, kept in the database as
 * {@code store_message} (V7) so that a send carries a short call rather than its text. Each round trip costs
 * the service and PostgreSQL more than the work of most of these statements, and a send once took six.
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

    /** The store of a new message: one statement, kept in the database ({@code V7__store_message.sql}). */
    private static final String STORE_SQL = "SELECT * FROM store_message(:id, :sender, :receiver, :content,"
            + " :transaction, :listing, :clientMessageId, :now, :requestedAt, :low, :high, :lowUnread, :highUnread,"
            + " :eventId, :topic, :key, :type, :payload, :after, :before, :limit)";

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
     * {@code V8__send_windows_per_send.sql}) and reads what decides each send, in one round trip. Call it
     * first in the batch's transaction.
     *
     * @param conversationKeys every conversation the batch changes, sends and rejections alike
     * @param windows          one per send: its sender's first stored send times strictly inside it come back
     * @param clientIds        the (sender, client message id) pairs of the batch's sends
     * @param pairs            the (sender, receiver) pairs of the batch's sends
     */
    public Mono<Judged> lockAndJudge(Collection<String> conversationKeys, List<Window> windows,
                                     Collection<Pair> clientIds, Collection<Pair> pairs) {
        return db.sql("SELECT kind, user_id, other, epoch_micros FROM lock_and_judge_sends(:keys, :senders, :from,"
                        + " :until, :most, :clientSenders, :clientIds, :pairSenders, :pairReceivers)")
                .bind("keys", conversationKeys.toArray(String[]::new))
                .bind("senders", windows.stream().map(Window::sender).toArray(String[]::new))
                .bind("from", windows.stream().map(window -> micros(window.after())).toArray(Long[]::new))
                .bind("until", windows.stream().map(window -> micros(window.before())).toArray(Long[]::new))
                .bind("most", windows.stream().map(Window::most).toArray(Integer[]::new))
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

    /** The sender's first {@code most} send times strictly between {@code after} and {@code before}. */
    public record Window(String sender, Instant after, Instant before, int most) {
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
            Map<String, Map<String, Instant>> sent = new HashMap<>(); // by sender, by message id: once per send
            for (JudgedRow row : rows) {
                switch (row.kind()) {
                    case "stored" -> stored.add(new Pair(row.user(), row.other()));
                    case "block" -> blocks.add(new Pair(row.user(), row.other()));
                    case "sent" -> sent.computeIfAbsent(row.user(), sender -> new HashMap<>())
                            .put(row.other(), Instant.EPOCH.plus(row.epochMicros(), ChronoUnit.MICROS));
                    default -> throw new IllegalStateException("lock_and_judge_sends returned a row of kind " + row.kind());
                }
            }
            Map<String, List<Instant>> times = new HashMap<>();
            sent.forEach((sender, byId) -> times.put(sender, byId.values().stream().sorted().toList()));
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
