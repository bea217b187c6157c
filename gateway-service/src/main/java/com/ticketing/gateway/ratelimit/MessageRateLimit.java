package com.ticketing.gateway.ratelimit;

import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import com.ticketing.gateway.config.LimitsProperties;
import org.springframework.stereotype.Component;

/** The one per-user message limit, shared by socket sends and REST writes through this gateway. */
@Component
public class MessageRateLimit {

    private final SlidingWindowRateLimiter limiter;

    public MessageRateLimit(LimitsProperties limits) {
        this.limiter = new SlidingWindowRateLimiter(new RateLimit(limits.messages().count(), limits.messages().window()));
    }

    public SlidingWindowRateLimiter limiter() {
        return limiter;
    }
}
