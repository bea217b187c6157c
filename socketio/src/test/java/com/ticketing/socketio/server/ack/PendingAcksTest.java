package com.ticketing.socketio.server.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class PendingAcksTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PendingAcks acks = new PendingAcks(timer, Runnable::run);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void answeredAckIsForgottenAndItsFutureCompletes() {
        PendingAcks.Registration registration = acks.register(Duration.ofMinutes(1));
        assertThat(acks.complete(registration.id(), List.of(JsonNodeFactory.instance.stringNode("ok")))).isTrue();
        assertThat(registration.future()).isCompleted();
        assertThat(acks.size()).isZero();
    }

    @Test
    void expiredAckIsForgottenAndItsFutureFails() {
        PendingAcks.Registration registration = acks.register(Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(2)).until(() -> registration.future().isDone());
        assertThat(registration.future()).isCompletedExceptionally();
        assertThat(acks.size()).isZero();
        assertThat(acks.complete(registration.id(), List.of())).as("a late answer").isFalse();
    }

    @Test
    void closingFailsEveryWaitingAckAndEveryLaterOne() {
        PendingAcks.Registration first = acks.register(Duration.ofMinutes(1));
        PendingAcks.Registration second = acks.register(Duration.ofMinutes(1));
        acks.closeAll();
        assertThat(first.future()).isCompletedExceptionally();
        assertThat(second.future()).isCompletedExceptionally();
        assertThat(acks.size()).isZero();
        assertThat(acks.register(Duration.ofMinutes(1)).future()).isCompletedExceptionally();
    }

    @Test
    void idsCountUpFromZero() {
        assertThat(acks.register(Duration.ofMinutes(1)).id()).isZero();
        assertThat(acks.register(Duration.ofMinutes(1)).id()).isEqualTo(1);
    }
}
