package com.ticketing.message.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.message.support.TestMessageServices;
import com.ticketing.message.support.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The send limit of 20 per 10 s judged on the stored messages by when they were sent: a backlog stored
 * in one burst long after it was sent is admitted, concurrent sends never slip past the limit, a
 * refused send stays refused when judged again, and a replay is never refused.
 */
class SendWindowR2dbcTest {

    private static ConnectionPool pool;
    private static MessageService messages;

    @BeforeAll
    static void setUp() {
        pool = TestPostgres.r2dbcPool("send_window_it", 8);
        messages = TestMessageServices.messageService(DatabaseClient.create(pool),
                TransactionalOperator.create(new R2dbcTransactionManager(pool)), userId -> true,
                new SendLimit(20, Duration.ofSeconds(10)));
    }

    @AfterAll
    static void tearDown() {
        pool.dispose();
    }

    @Test
    void aCompliantBacklogStoredInOneBurstAfterAnOutageIsAdmitted() {
        String sender = sender();
        Instant sentFrom = Instant.now().minus(Duration.ofMinutes(30));

        long stored = Flux.range(0, 60) // 2 per second for 30 s, the limit's pace; stored within a second
                .concatMap(i -> messages.send(message(sender, "backlog " + i, "b-" + i), sentFrom.plusMillis(500L * i), true))
                .count().block();

        assertThat(stored).isEqualTo(60);
    }

    @Test
    void concurrentSendsAtOneInstantAdmitExactlyTheLimit() {
        String sender = sender();
        Instant now = Instant.now();

        long admitted = Flux.range(0, 30)
                .flatMap(i -> messages.send(message(sender, "burst " + i, "c-" + i), now, true)
                        .map(outcome -> 1).onErrorResume(MessageRefusedException.class, refused -> reactor.core.publisher.Mono.empty()), 8)
                .count().block();

        assertThat(admitted).isEqualTo(20);
    }

    @Test
    void aRefusedSendIsRefusedAgainWhenJudgedAgainAndAReplayOfAStoredOneIsNot() {
        String sender = sender();
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            messages.send(message(sender, "m" + i, "r-" + i), now, true).block();
        }

        for (int attempt = 0; attempt < 2; attempt++) { // the command redelivered after a crash
            assertThatThrownBy(() -> messages.send(message(sender, "one too many", "r-20"), now, true).block())
                    .isInstanceOfSatisfying(MessageRefusedException.class,
                            refused -> assertThat(refused.refusal()).isEqualTo(Refusal.RATE_LIMITED));
        }
        assertThat(messages.send(message(sender, "m0", "r-0"), now, true).block().created()).isFalse();
    }

    private static SendMessage message(String sender, String content, String clientMessageId) {
        return new SendMessage(sender, "receiver-" + sender, content, null, null, clientMessageId);
    }

    private static String sender() {
        return "window-" + UUID.randomUUID().toString().substring(0, 8) + ThreadLocalRandom.current().nextInt(100);
    }
}
