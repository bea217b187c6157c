package com.ticketing.message.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.message.messaging.MessageRefusedException;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendLimit;
import com.ticketing.message.messaging.SendMessage;
import com.ticketing.message.support.TestMessageServices;
import com.ticketing.message.support.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Both users hammer one conversation at once: sends both ways, single and whole-conversation reads,
 * deletions (the newest message too). No change may deadlock or be lost; the conversation summaries equal
 * a recount of the messages; and the conversation has one order (issue 12): the order of its history,
 * (created_at, id), is the order its changes committed in and the order of its events in the outbox, which
 * the relay publishes by id, so no message's event goes out before one that precedes it in the history and
 * no message commits after a later one (a client paging back from the later one would never see it).
 */
class ConversationSummaryR2dbcTest {

    private static ConnectionPool pool;
    private static DatabaseClient db;
    private static MessageService messages;

    @BeforeAll
    static void setUp() {
        pool = TestPostgres.r2dbcPool("summary_it", 12);
        db = DatabaseClient.create(pool);
        messages = TestMessageServices.messageService(db,
                TransactionalOperator.create(new R2dbcTransactionManager(pool)), userId -> true);
    }

    @AfterAll
    static void tearDown() {
        pool.dispose();
    }

    @Test
    void summariesEqualARecountAfterConcurrentSendsReadsAndDeletesFromBothSides() {
        String a = "hammer-a-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String b = "hammer-b-" + ThreadLocalRandom.current().nextInt(1_000_000);
        ConcurrentLinkedQueue<StoredMessage> sent = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();

        Flux.range(0, 600)
                .flatMap(i -> operation(i, a, b, sent).onErrorResume(MessageRefusedException.class, refused -> Mono.empty()), 10)
                .blockLast();

        System.out.printf("600 concurrent changes of one conversation in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(summary(a, b)).isEqualTo(recount(a, b));
        assertThat(summary(b, a)).isEqualTo(recount(b, a));
        assertThat(summary(a, b).get("unread")).isNotNull();
    }

    @Test
    void deletingEveryMessageEmptiesTheConversationFromBothInboxes() {
        String a = "empty-a-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String b = "empty-b-" + ThreadLocalRandom.current().nextInt(1_000_000);
        StoredMessage first = send(a, b, "one").block();
        StoredMessage second = send(a, b, "two").block();

        Flux.just(first, second).flatMap(message -> messages.delete(a, message.id().toString())).blockLast();

        assertThat(new ConversationStore(db).conversations(a, new Page(10, 0)).collectList().block()).isEmpty();
        assertThat(new ConversationStore(db).conversations(b, new Page(10, 0)).collectList().block()).isEmpty();
        assertThat(new ConversationStore(db).unreadCount(b).block()).isZero();
    }

    private Mono<?> operation(int i, String a, String b, ConcurrentLinkedQueue<StoredMessage> sent) {
        boolean fromA = ThreadLocalRandom.current().nextBoolean();
        String me = fromA ? a : b;
        String other = fromA ? b : a;
        List<StoredMessage> known = List.copyOf(sent);
        int kind = i < 40 ? 0 : ThreadLocalRandom.current().nextInt(10);
        if (kind < 5 || known.isEmpty()) {
            return send(me, other, "message " + i).doOnNext(sent::add);
        }
        StoredMessage target = kind == 9 ? newest(known) : known.get(ThreadLocalRandom.current().nextInt(known.size()));
        return switch (kind) {
            case 5, 6 -> messages.markRead(target.receiverId(), target.id().toString());
            case 7 -> messages.markConversationRead(me, other);
            default -> messages.delete(target.senderId(), target.id().toString());
        };
    }

    private static StoredMessage newest(List<StoredMessage> known) {
        return known.stream().max((x, y) -> x.createdAt().compareTo(y.createdAt())).orElseThrow();
    }

    private static Mono<StoredMessage> send(String sender, String receiver, String content) {
        return messages.send(new SendMessage(sender, receiver, content, null, null, null), false)
                .map(outcome -> outcome.message());
    }

    private static Map<String, Object> summary(String user, String other) {
        return db.sql("SELECT last_message_id, unread_count FROM conversation_summaries WHERE user_id = :u AND other_id = :o")
                .bind("u", user).bind("o", other)
                .map((row, meta) -> Map.<String, Object>of("last", String.valueOf(row.get("last_message_id")),
                        "unread", ((Number) row.get("unread_count")).longValue()))
                .one().block();
    }

    private static Map<String, Object> recount(String user, String other) {
        String last = db.sql("""
                        SELECT id FROM messages WHERE ((sender_id = :u AND receiver_id = :o) OR (sender_id = :o AND receiver_id = :u))
                           AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1
                        """)
                .bind("u", user).bind("o", other).map((row, meta) -> String.valueOf(row.get("id"))).one()
                .defaultIfEmpty("null").block();
        long unread = db.sql("""
                        SELECT count(*) AS n FROM messages
                         WHERE receiver_id = :u AND sender_id = :o AND is_read = false AND deleted_at IS NULL
                        """)
                .bind("u", user).bind("o", other).map((row, meta) -> ((Number) row.get("n")).longValue()).one().block();
        return Map.of("last", last, "unread", unread);
    }

    @Test
    void theOutboxPublishesAConversationsMessagesInTheOrderOfItsHistory() {
        String a = "order-a-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String b = "order-b-" + ThreadLocalRandom.current().nextInt(1_000_000);
        ConcurrentLinkedQueue<StoredMessage> sent = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();

        Flux.range(0, 800)
                .flatMap(i -> orderOperation(i, a, b, sent).onErrorResume(MessageRefusedException.class, refused -> Mono.empty()), 10)
                .blockLast();
        System.out.printf("800 concurrent changes of one conversation in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        List<String> history = db.sql("""
                        SELECT id FROM messages
                         WHERE LEAST(sender_id, receiver_id) = :low AND GREATEST(sender_id, receiver_id) = :high
                         ORDER BY created_at, id
                        """)
                .bind("low", a.compareTo(b) < 0 ? a : b).bind("high", a.compareTo(b) < 0 ? b : a)
                .map((row, meta) -> sentEventId(String.valueOf(row.get("id"))))
                .all().collectList().block();
        List<String> published = db.sql("""
                        SELECT event_id FROM message_outbox WHERE record_key = :key AND event_type = :type ORDER BY id
                        """)
                .bind("key", ConversationKey.of(a, b))
                .bind("type", EventTypes.MESSAGE_SENT.name())
                .map((row, meta) -> row.get("event_id", String.class))
                .all().collectList().block();

        assertThat(history).hasSize(sent.size());
        long misplaced = java.util.stream.IntStream.range(0, Math.min(history.size(), published.size()))
                .filter(i -> !history.get(i).equals(published.get(i))).count();
        assertThat(published).as("message.sent events in outbox order = the history's order (%d of %d misplaced)",
                misplaced, history.size()).isEqualTo(history);
    }

    @Test
    void aMessageStoredAfterTheTimeItsClockGaveItIsPublishedWithTheTimeItGot() {
        String a = "stuck-a-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String b = "stuck-b-" + ThreadLocalRandom.current().nextInt(1_000_000);
        // A clock that never moves: every message after the first is stored a microsecond after the one before.
        MessageService stuck = TestMessageServices.messageService(db,
                TransactionalOperator.create(new R2dbcTransactionManager(pool)), userId -> true,
                new SendLimit(1_000_000, Duration.ofSeconds(10)), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                        ZoneOffset.UTC));

        List<StoredMessage> stored = Flux.range(0, 3)
                .concatMap(i -> stuck.send(new SendMessage(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "m" + i, null, null,
                        null), false))
                .map(outcome -> outcome.message())
                .collectList().block();

        assertThat(stored).extracting(StoredMessage::createdAt).containsExactly(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.000001Z"), Instant.parse("2026-01-01T00:00:00.000002Z"));
        List<MessageSent> published = db.sql("""
                        SELECT payload FROM message_outbox WHERE record_key = :key AND event_type = :type ORDER BY id
                        """)
                .bind("key", ConversationKey.of(a, b))
                .bind("type", EventTypes.MESSAGE_SENT.name())
                .map((row, meta) -> EventCodec.decode(row.get("payload", String.class).getBytes(StandardCharsets.UTF_8))
                        .dataAs(EventTypes.MESSAGE_SENT))
                .all().collectList().block();
        assertThat(published).extracting(MessageSent::message)
                .containsExactlyElementsOf(stored.stream().map(StoredMessage::view).toList());
    }

    private Mono<?> orderOperation(int i, String a, String b, ConcurrentLinkedQueue<StoredMessage> sent) {
        boolean fromA = i % 4 != 0; // mostly a, so one sender often has several sends in flight
        String me = fromA ? a : b;
        String other = fromA ? b : a;
        List<StoredMessage> known = new ArrayList<>(sent);
        int kind = i < 40 || known.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(10);
        if (kind < 7) {
            return messages.send(new SendMessage(me, other, "message " + i, null, null, null), false)
                    .doOnNext(outcome -> sent.add(outcome.message()));
        }
        StoredMessage target = known.get(ThreadLocalRandom.current().nextInt(known.size()));
        return switch (kind) {
            case 7 -> messages.markRead(target.receiverId(), target.id().toString());
            case 8 -> messages.markConversationRead(me, other);
            default -> messages.delete(target.senderId(), target.id().toString());
        };
    }

    /** The id of a message's {@code message.sent} event (derived from the message id, as the service derives it). */
    private static String sentEventId(String messageId) {
        return UUID.nameUUIDFromBytes(("message.sent/" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
