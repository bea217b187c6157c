package com.ticketing.message.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.message.support.TestMessageServices;
import com.ticketing.message.support.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A poll's send commands handled in one transaction give each command the outcome it would have had
 * alone, in order: the send limit counts the batch's own earlier sends, a repeat inside the batch or of a
 * stored message is a replay, each send is judged on its own window however far apart the batch's sends are,
 * blocks refuse in both directions, refusals of the rules are queued, one value PostgreSQL refuses costs only
 * its own command, and batches running beside single sends over the same users all finish; all of it on the
 * batch's own path, not the one-by-one fallback (which would give the same outcomes).
 */
class SendBatchR2dbcTest {

    private static ConnectionPool pool;
    private static DatabaseClient db;
    private static MessageService messages;

    @BeforeAll
    static void setUp() {
        pool = TestPostgres.r2dbcPool("send_batch_it", 8);
        db = DatabaseClient.create(pool);
        messages = TestMessageServices.messageService(db, TransactionalOperator.create(new R2dbcTransactionManager(pool)),
                userId -> true, new SendLimit(20, Duration.ofSeconds(10)));
    }

    @AfterAll
    static void tearDown() {
        pool.dispose();
    }

    /** The batch's own path, not the one-by-one fallback that gives the same outcomes more slowly. */
    @BeforeEach
    void watchForFallbacks() {
        fallbacks = new ListAppender<>();
        fallbacks.start();
        serviceLog().addAppender(fallbacks);
    }

    @AfterEach
    void stopWatching() {
        serviceLog().detachAppender(fallbacks);
    }

    private ListAppender<ILoggingEvent> fallbacks;

    private static Logger serviceLog() {
        return (Logger) LoggerFactory.getLogger(MessageService.class);
    }

    private List<String> fallbacksSeen() {
        return fallbacks.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("handling each alone")).toList();
    }

    @Test
    void theLimitCountsTheBatchsOwnEarlierSends() {
        String sender = user("limit");
        String receiver = user("to");
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) { // stored before the batch, in the same window
            messages.send(new SendMessage(sender, receiver, "before " + i, null, null, "pre-" + i), now, true).block();
        }

        messages.handleCommands(IntStream.range(0, 20)
                .mapToObj(i -> send(sender, receiver, "in batch " + i, "b-" + i, now)).toList()).block();

        assertThat(storedCount(sender)).isEqualTo(20);
        List<String> outcomes = outcomes(sender, receiver);
        assertThat(outcomes.subList(5, 20)).containsOnly(EventTypes.MESSAGE_SENT.name()); // the batch's first 15
        assertThat(outcomes.subList(20, 25)).containsOnly("RATE_LIMITED"); // then the limit
        assertThat(fallbacksSeen()).isEmpty();
    }

    @Test
    void eachSendIsJudgedOnItsOwnWindowWhenTheBatchSpansMinutes() {
        String sender = user("spread");
        String receiver = user("to");
        Instant now = Instant.now();
        for (int i = 0; i < 140; i++) { // two a second for the 70 s before now: the limit's pace, each admitted
            messages.send(new SendMessage(sender, receiver, "paced " + i, null, null, "p-" + i),
                    now.minusMillis(70_000 - 500L * i), true).block();
        }

        // Alone, each is refused: 20 stored sends fall within 10 s of either.
        messages.handleCommands(List.of(send(sender, receiver, "a minute ago", "x-old", now.minusSeconds(60)),
                send(sender, receiver, "just now", "x-new", now.minusMillis(250)))).block();

        assertThat(storedCount(sender)).isEqualTo(140);
        List<String> outcomes = outcomes(sender, receiver);
        assertThat(outcomes.subList(140, outcomes.size())).containsExactly("RATE_LIMITED", "RATE_LIMITED");
        assertThat(fallbacksSeen()).isEmpty();
    }

    @Test
    void aRepeatInTheBatchOrOfAStoredMessageIsAReplayAndAReusedIdForOtherContentIsAConflict() {
        String sender = user("dup");
        String receiver = user("to");
        Instant now = Instant.now();
        messages.send(new SendMessage(sender, receiver, "first", null, null, "cm-1"), now, true).block();

        messages.handleCommands(List.of(
                send(sender, receiver, "first", "cm-1", now),
                send(sender, receiver, "second", "cm-2", now),
                send(sender, receiver, "second", "cm-2", now),
                send(sender, receiver, "not the second", "cm-2", now))).block();

        assertThat(storedCount(sender)).isEqualTo(2);
        // cm-1's message.sent re-emitted under its first id is already queued; cm-2's once; then the conflict.
        assertThat(outcomes(sender, receiver)).containsExactly(EventTypes.MESSAGE_SENT.name(),
                EventTypes.MESSAGE_SENT.name(), "CONFLICT");
        assertThat(fallbacksSeen()).isEmpty();
    }

    @Test
    void aBlockRefusesTheSendsOfItsPairOnlyAndRulesRefusalsAreQueuedInOrder() {
        String sender = user("blocked");
        String blocker = user("blocker");
        String friend = user("friend");
        String shunned = user("shunned");
        block(blocker, sender);
        block(sender, shunned);
        Instant now = Instant.now();

        messages.handleCommands(List.of(
                send(sender, blocker, "let me in", "x-1", now),
                new SendCommand.Refused("refused-" + sender, new MessageRejected("refused-" + sender, sender, blocker,
                        "x-2", Refusal.VALIDATION.name(), "content is required")),
                send(sender, shunned, "I blocked you", "x-3", now),
                send(sender, friend, "hello friend", "x-4", now))).block();

        assertThat(outcomes(sender, blocker)).containsExactly(Refusal.FORBIDDEN.name(), Refusal.VALIDATION.name());
        assertThat(rejectionMessages(sender, blocker)).first().isEqualTo(SendAdmission.BLOCKED_BY_RECEIVER);
        assertThat(rejectionMessages(sender, shunned)).containsExactly(SendAdmission.BLOCKED_BY_SENDER);
        assertThat(outcomes(sender, friend)).containsExactly(EventTypes.MESSAGE_SENT.name());
        assertThat(fallbacksSeen()).isEmpty();
    }

    private static void block(String blocker, String blocked) {
        db.sql("INSERT INTO user_blocks (blocker_id, blocked_id, blocked_at) VALUES (:blocker, :blocked, now())")
                .bind("blocker", blocker).bind("blocked", blocked).then().block();
    }

    @Test
    void aValueThePostgresRefusesCostsOnlyItsOwnCommand() {
        String sender = user("nul");
        String receiver = user("to");
        Instant now = Instant.now();

        messages.handleCommands(List.of(
                send(sender, receiver, "fine", "n-1", now),
                send(sender, receiver, "nul \u0000 inside", "n-2", now), // built without MessageRules, which refuse NUL
                send(sender, receiver, "fine too", "n-3", now))).block();

        assertThat(storedCount(sender)).isEqualTo(2);
        assertThat(outcomes(sender, receiver)).containsExactly(EventTypes.MESSAGE_SENT.name(), Refusal.VALIDATION.name(),
                EventTypes.MESSAGE_SENT.name());
        assertThat(fallbacksSeen()).hasSize(1);
    }

    @Test
    void batchesAndSingleSendsOverTheSameUsersAllFinish() {
        List<String> users = IntStream.range(0, 6).mapToObj(i -> user("mesh" + i)).toList();
        Instant now = Instant.now();
        List<Mono<?>> work = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            List<SendCommand> batch = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) { // every pair, each round in another order
                String from = users.get((i + round) % users.size());
                String to = users.get((i + round + 1 + round % 3) % users.size());
                batch.add(send(from, to, "round " + round, "mesh-" + round + "-" + i, now));
            }
            work.add(messages.handleCommands(batch));
            String from = users.get(round % users.size());
            String to = users.get((round + 2) % users.size());
            work.add(messages.send(new SendMessage(from, to, "single " + round, null, null, "single-" + round), now, true));
        }

        Flux.fromIterable(work).flatMap(mono -> mono, work.size()).then().block(Duration.ofSeconds(60));

        long stored = users.stream().mapToLong(SendBatchR2dbcTest::storedCount).sum();
        assertThat(stored).isEqualTo(8L * users.size() + 8);
        assertThat(fallbacksSeen()).isEmpty();
    }

    private static SendCommand send(String sender, String receiver, String content, String clientMessageId,
                                         Instant requestedAt) {
        return new SendCommand.Send(UUID.randomUUID().toString(), new SendMessage(sender, receiver, content, null, null,
                clientMessageId), UUID.randomUUID(), requestedAt, clientMessageId);
    }

    private static long storedCount(String sender) {
        return db.sql("SELECT count(*) AS n FROM messages WHERE sender_id = :sender").bind("sender", sender)
                .map((row, meta) -> row.get("n", Long.class)).one().block();
    }

    /** The conversation's queued events in order: {@code message.sent}, or a rejection's code. */
    private static List<String> outcomes(String sender, String receiver) {
        return events(sender, receiver).stream()
                .map(event -> event.is(EventTypes.MESSAGE_REJECTED)
                        ? event.dataAs(EventTypes.MESSAGE_REJECTED).code() : event.type())
                .toList();
    }

    private static List<String> rejectionMessages(String sender, String receiver) {
        return events(sender, receiver).stream().filter(event -> event.is(EventTypes.MESSAGE_REJECTED))
                .map(event -> event.dataAs(EventTypes.MESSAGE_REJECTED).message())
                .toList();
    }

    private static List<CloudEvent<?>> events(String sender, String receiver) {
        return db.sql("SELECT payload FROM message_outbox WHERE record_key = :key ORDER BY id")
                .bind("key", ConversationKey.of(sender, receiver))
                .<CloudEvent<?>>map((row, meta) -> EventCodec.decode(row.get("payload", String.class).getBytes(StandardCharsets.UTF_8)))
                .all().collectList().block();
    }

    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
