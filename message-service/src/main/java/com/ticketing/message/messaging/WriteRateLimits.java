package com.ticketing.message.messaging;

import com.ticketing.message.web.RateLimitProperties;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.TokenBucketRateLimiter;
import org.springframework.stereotype.Component;

/**
 * The per-user token buckets of message writes. Sends share one bucket whether they come over REST or
 * as socket commands from any gateway, so the contract's limit holds across gateway instances.
 */
@Component
public class WriteRateLimits {

    private final TokenBucketRateLimiter sends;
    private final TokenBucketRateLimiter otherWrites;

    public WriteRateLimits(RateLimitProperties properties) {
        this.sends = new TokenBucketRateLimiter(
                new RateLimit(properties.send().capacity(), properties.send().period()));
        this.otherWrites = new TokenBucketRateLimiter(
                new RateLimit(properties.otherWrite().capacity(), properties.otherWrite().period()));
    }

    /** Takes a send token for the user, if there is one. */
    public RateLimitDecision trySend(String userId) {
        return sends.tryAcquire(userId);
    }

    /** Takes a token for another write (read marks, deletes), if there is one. */
    public RateLimitDecision tryOtherWrite(String userId) {
        return otherWrites.tryAcquire(userId);
    }
}
