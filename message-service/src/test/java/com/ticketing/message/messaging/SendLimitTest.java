package com.ticketing.message.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The send limit on send times: at most 3 in any 10 s here, whatever order the sends are judged in. */
class SendLimitTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private final SendLimit limit = new SendLimit(3, Duration.ofSeconds(10));

    @Test
    void theFourthSendWithinAPeriodIsRefusedUntilTheFirstLeavesIt() {
        List<Instant> sent = List.of(T, T.plusSeconds(1), T.plusSeconds(2));
        assertThat(limit.refusal(T.plusSeconds(3), sent)).isEqualTo(Duration.ofSeconds(7));
        assertThat(limit.refusal(T.plusSeconds(10), sent)).isNull();
    }

    @Test
    void aSteadyUserAtTheLimitIsAlwaysAdmittedEvenWhenJudgedLate() {
        List<Instant> stored = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant at = T.plusMillis(i * 3334L); // 3 per 10 s, judged in one burst after an outage
            assertThat(limit.refusal(at, stored)).as("send %d", i).isNull();
            stored.add(at);
        }
    }

    @Test
    void aLateSendIsRefusedWhenItWouldOverfillAWindowOfLaterSends() {
        // judged out of order: three later sends already stored within 10 s of the late one
        List<Instant> stored = List.of(T.plusSeconds(5), T.plusSeconds(6), T.plusSeconds(7));
        assertThat(limit.refusal(T, stored)).isNotNull();
        assertThat(limit.refusal(T.minusSeconds(6), stored)).isNull();
    }

    @Test
    void sendsAtTheSameInstantCountOneByOne() {
        assertThat(limit.refusal(T, List.of(T, T))).isNull();
        assertThat(limit.refusal(T, List.of(T, T, T))).isEqualTo(Duration.ofSeconds(10));
    }
}
