package com.ticketing.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final SlidingWindowRateLimiter limiter =
            new SlidingWindowRateLimiter(new RateLimit(20, Duration.ofSeconds(10)), clock::get, 3);

    @Test
    void twentyInABurstAreAllowedAndTheTwentyFirstIsRefusedUntilTheFirstLeavesTheWindow() {
        IntStream.range(0, 20).forEach(i -> assertThat(limiter.tryAcquire("alice").remaining()).isEqualTo(19 - i));
        advance(Duration.ofMillis(2500));
        RateLimitDecision refused = limiter.tryAcquire("alice");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(7500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(8);
    }

    @Test
    void aReleasedActionIsGivenBackSoItsRetryFits() {
        IntStream.range(0, 20).forEach(i -> limiter.tryAcquire("alice"));
        limiter.release("alice"); // the twentieth failed upstream

        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        limiter.release("nobody"); // nothing to give back: no effect
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void neverMoreThanTwentyInAnyTenSecondsEvenWhenSendingSteadily() {
        int[] acceptedAt = new int[600]; // per 100 ms tick over one minute, one attempt every 100 ms
        for (int tick = 0; tick < acceptedAt.length; tick++) {
            acceptedAt[tick] = limiter.tryAcquire("steady").allowed() ? 1 : 0;
            advance(Duration.ofMillis(100));
        }
        for (int start = 0; start + 100 <= acceptedAt.length; start++) {
            int inWindow = IntStream.range(start, start + 100).map(tick -> acceptedAt[tick]).sum();
            assertThat(inWindow).as("accepted in the 10 s from tick %d", start).isLessThanOrEqualTo(20);
        }
        assertThat(IntStream.of(acceptedAt).sum()).as("and the whole allowance is usable").isEqualTo(120);
    }

    @Test
    void anActionIsAllowedAgainExactlyWhenTheOldestLeavesTheWindow() {
        limiter.tryAcquire("alice");
        advance(Duration.ofSeconds(4));
        IntStream.range(0, 19).forEach(i -> limiter.tryAcquire("alice"));
        advance(Duration.ofMillis(5999));
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("alice").allowed()).as("the first one is 10 s old").isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).as("the other 19 are 6 s old").isFalse();
    }

    @Test
    void oneUsersFloodDoesNotTouchAnotherUsersWindow() {
        IntStream.range(0, 100).forEach(i -> limiter.tryAcquire("flooder"));
        assertThat(limiter.tryAcquire("flooder").allowed()).isFalse();
        assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
        assertThat(limiter.tryAcquire("bob").remaining()).isEqualTo(18);
    }

    @Test
    void keysIdleForAWholePeriodAreForgottenOnceTheMapGrows() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        advance(Duration.ofSeconds(11));
        limiter.tryAcquire("d");
        assertThat(limiter.trackedKeys()).isEqualTo(1);
        assertThat(limiter.tryAcquire("a").remaining()).as("a forgotten key starts an empty window").isEqualTo(19);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }
}
