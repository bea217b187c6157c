package com.ticketing.message.messaging;

import com.ticketing.message.web.RateLimitProperties;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import com.ticketing.auth.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The per-user limits of message writes. Sends share one window whether they come over REST or as
 * socket commands from any gateway, so the contract's limit holds across gateway instances.
 */
@Component
public class WriteRateLimits {

    private final SlidingWindowRateLimiter sends;
    private final SlidingWindowRateLimiter otherWrites;

    public WriteRateLimits(RateLimitProperties properties) {
        this.sends = new SlidingWindowRateLimiter(
                new RateLimit(properties.send().capacity(), properties.send().period()));
        this.otherWrites = new SlidingWindowRateLimiter(
                new RateLimit(properties.otherWrite().capacity(), properties.otherWrite().period()));
    }

    /** Counts a send for the user, if the window has room. */
    public RateLimitDecision trySend(String userId) {
        return sends.tryAcquire(userId);
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
