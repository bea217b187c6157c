package com.ticketing.message.web;

import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.TokenBucketRateLimiter;
import org.springframework.stereotype.Component;

/** Applies the per-user token buckets to this service's REST writes; a refusal is a 429 with Retry-After. */
@Component
public class RestRateLimits {

    private final TokenBucketRateLimiter sends;
    private final TokenBucketRateLimiter otherWrites;

    public RestRateLimits(RateLimitProperties properties) {
        this.sends = new TokenBucketRateLimiter(
                new RateLimit(properties.send().capacity(), properties.send().period()));
        this.otherWrites = new TokenBucketRateLimiter(
                new RateLimit(properties.otherWrite().capacity(), properties.otherWrite().period()));
    }

    /** Takes a send token for the user or throws RATE_LIMITED. */
    void acquireSend(String userId) {
        check(sends.tryAcquire(userId));
    }

    /** Takes a token for another write (read marks, deletes) or throws RATE_LIMITED. */
    void acquireOtherWrite(String userId) {
        check(otherWrites.tryAcquire(userId));
    }

    private static void check(RateLimitDecision decision) {
        if (!decision.allowed()) {
            throw ApiException.rateLimited(decision.retryAfter());
        }
    }
}
