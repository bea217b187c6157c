package com.ticketing.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final TokenBucketRateLimiter limiter =
            new TokenBucketRateLimiter(new RateLimit(20, Duration.ofSeconds(10)), clock::get, 3);

    @Test
    void twentyInABurstAreAllowedAndTheTwentyFirstIsRefusedWithRetryAfter() {
        IntStream.range(0, 20).forEach(i -> assertThat(limiter.tryAcquire("alice").allowed()).isTrue());
        RateLimitDecision refused = limiter.tryAcquire("alice");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtCapacityPerPeriod() {
        IntStream.range(0, 20).forEach(i -> limiter.tryAcquire("alice"));
        clock.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        clock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(limiter.tryAcquire("alice").remaining()).as("refill stops at capacity").isEqualTo(19);
    }

    @Test
    void oneUsersFloodDoesNotTouchAnotherUsersBucket() {
        IntStream.range(0, 100).forEach(i -> limiter.tryAcquire("flooder"));
        assertThat(limiter.tryAcquire("flooder").allowed()).isFalse();
        assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
        assertThat(limiter.tryAcquire("bob").remaining()).isEqualTo(18);
    }

    @Test
    void bucketsIdleForAWholePeriodAreForgottenOnceTheMapGrows() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        clock.addAndGet(Duration.ofSeconds(11).toNanos());
        limiter.tryAcquire("d");
        assertThat(limiter.trackedKeys()).isEqualTo(1);
        assertThat(limiter.tryAcquire("a").remaining()).as("a forgotten bucket is a full one").isEqualTo(19);
    }
}
