package com.ticketing.message.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.message.messaging.MessageRefusedException;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendMessage;
import com.ticketing.message.support.TestMessageServices;
import com.ticketing.message.support.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * One conversation has one order (issue 12): the order of its history, (created_at, id), is the order
 * in which its changes committed and the order of its events in the outbox, which the relay publishes
 * by id. Concurrent sends from both sides, several of them from one sender at once, with reads and
 * deletions among them, must not leave a message whose event is published before one that precedes it
 * in the history, nor a message committed after a later one (a client paging back from the later one
 * would never see it).
 */
class ConversationOrderR2dbcTest {

    private static ConnectionPool pool;
    private static DatabaseClient db;
    private static MessageService messages;

    @BeforeAll
    static void setUp() {
        pool = TestPostgres.r2dbcPool("conversation_order_it", 12);
        db = DatabaseClient.create(pool);
        messages = TestMessageServices.messageService(db,
                TransactionalOperator.create(new R2dbcTransactionManager(pool)), userId -> true);
    }

    @AfterAll
    static void tearDown() {
        pool.dispose();
    }

    @Test
    void theOutboxPublishesAConversationsMessagesInTheOrderOfItsHistory() {
        String a = "order-a-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String b = "order-b-" + ThreadLocalRandom.current().nextInt(1_000_000);
        ConcurrentLinkedQueue<StoredMessage> sent = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();

        Flux.range(0, 800)
                .flatMap(i -> operation(i, a, b, sent).onErrorResume(MessageRefusedException.class, refused -> Mono.empty()), 10)
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

    private Mono<?> operation(int i, String a, String b, ConcurrentLinkedQueue<StoredMessage> sent) {
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
