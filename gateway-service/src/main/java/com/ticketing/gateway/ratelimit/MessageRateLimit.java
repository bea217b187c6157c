package com.ticketing.gateway.ratelimit;

import com.ticketing.gateway.config.LimitsProperties;
import org.springframework.stereotype.Component;

/** The one per-user message limit, shared by socket sends and REST writes through this gateway. */
@Component
public class MessageRateLimit {

    private final RateLimiter limiter;

    public MessageRateLimit(LimitsProperties limits) {
        this.limiter = new RateLimiter(limits.messages().count(), limits.messages().window());
    }

    public RateLimiter limiter() {
        return limiter;
    }
}
