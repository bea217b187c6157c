package com.ticketing.gateway.typing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TypingCoalescerTest {

    private static final String PAIR = "alice bob";
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final TypingCoalescer coalescer = new TypingCoalescer(Duration.ofSeconds(3).toNanos(), clock::get);

    @Test
    void repeatedStartsWithinTheWindowAreForwardedOnceThenRefreshed() {
        assertThat(coalescer.claim(PAIR, true)).isNotNull();
        advance(Duration.ofMillis(2999));
        assertThat(coalescer.claim(PAIR, true)).isNull();
        advance(Duration.ofMillis(1));
        assertThat(coalescer.claim(PAIR, true)).as("a start after the window refreshes the indicator").isNotNull();
    }

    @Test
    void aStopAfterAStartIsForwardedAndRepeatedStopsAreNot() {
        coalescer.claim(PAIR, true);
        assertThat(coalescer.claim(PAIR, false)).isNotNull();
        assertThat(coalescer.claim(PAIR, false)).isNull();
        assertThat(coalescer.claim(PAIR, true)).as("a new start right after a stop").isNotNull();
    }

    @Test
    void aStopForAPairThisInstanceNeverSawIsForwarded() {
        // The start went through another gateway, or was forgotten: the receiver must still hear the stop.
        assertThat(coalescer.claim(PAIR, false)).isNotNull();
    }

    @Test
    void aReleasedClaimLetsTheRetriedSignalThrough() {
        coalescer.claim(PAIR, true);
        TypingCoalescer.Claim stop = coalescer.claim(PAIR, false);
        coalescer.release(PAIR, stop); // refused by the rate limit, or not delivered to Kafka

        assertThat(coalescer.claim(PAIR, false)).as("the retried stop is not coalesced away").isNotNull();
    }

    @Test
    void releasingAnOlderClaimDoesNotForgetANewerOne() {
        TypingCoalescer.Claim first = coalescer.claim(PAIR, true);
        advance(Duration.ofSeconds(3));
        coalescer.claim(PAIR, true);
        coalescer.release(PAIR, first);

        assertThat(coalescer.claim(PAIR, true)).isNull();
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }
}
