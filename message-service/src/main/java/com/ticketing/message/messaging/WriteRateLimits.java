package com.ticketing.message.messaging;

import com.ticketing.message.web.RateLimitProperties;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import com.ticketing.auth.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The per-user limit of message writes other than sends (read marks, deletions, blocks, reports), per
 * instance. Sends are limited by {@link SendLimit} on the stored messages themselves, one window for
 * REST and socket sends on every instance.
 */
@Component
public class WriteRateLimits {

    private final SlidingWindowRateLimiter otherWrites;

    public WriteRateLimits(RateLimitProperties properties) {
        this.otherWrites = new SlidingWindowRateLimiter(
                new RateLimit(properties.otherWrite().capacity(), properties.otherWrite().period()));
    }

    /** Throws the API's RATE_LIMITED refusal (429 with Retry-After) when the decision is a refusal. */
    public static void enforce(RateLimitDecision decision) {
        if (!decision.allowed()) {
            throw ApiException.rateLimited(decision.retryAfter());
        }
    }

    /** Counts another write (read marks, deletes, blocks, reports) for the user, if the window has room. */
    public RateLimitDecision tryOtherWrite(String userId) {
        return otherWrites.tryAcquire(userId);
    }
}
