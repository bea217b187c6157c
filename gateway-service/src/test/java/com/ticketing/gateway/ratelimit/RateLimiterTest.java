package com.ticketing.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(20, Duration.ofSeconds(10), now::get);

    @Test
    void twentySendsInTenSecondsAreAllowedAndTheTwentyFirstIsRefused() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        }

        RateLimiter.Decision refused = limiter.tryAcquire("alice");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackOverTheWindow() {
        for (int i = 0; i < 20; i++) {
            limiter.tryAcquire("alice");
        }

        now.addAndGet(Duration.ofMillis(500).toNanos());

        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
    }

    @Test
    void oneUsersFloodDoesNotLimitAnother() {
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("mallory");
        }

        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
    }
}
