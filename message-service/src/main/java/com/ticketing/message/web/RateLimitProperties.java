package com.ticketing.message.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-user limits of REST writes: {@code ticketing.rate-limit.*} (env e.g.
 * {@code TICKETING_RATE_LIMIT_SEND_CAPACITY}, {@code TICKETING_RATE_LIMIT_SEND_PERIOD}).
 *
 * @param send       sending messages (default 20 per 10 s)
 * @param otherWrite marking read and deleting (default 120 per 10 s)
 */
@Validated
@ConfigurationProperties("ticketing.rate-limit")
public record RateLimitProperties(@NotNull Limit send, @NotNull Limit otherWrite) {

    /** At most {@code capacity} actions in any window of {@code period}. */
    public record Limit(@Min(1) int capacity, @NotNull Duration period) {
    }
}
