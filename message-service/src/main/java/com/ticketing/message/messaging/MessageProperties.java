package com.ticketing.message.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Message rules: {@code ticketing.messages.*}.
 *
 * @param maxContentLength longest content in characters (Unicode code points) after trimming
 *                         (env {@code TICKETING_MESSAGES_MAX_CONTENT_LENGTH}, default 5000)
 * @param defaultPageSize  page size when a list request gives no {@code limit}
 * @param maxPageSize      larger {@code limit}s are capped to this
 */
@Validated
@ConfigurationProperties("ticketing.messages")
public record MessageProperties(@Min(1) @Max(1_000_000) int maxContentLength, @Min(1) int defaultPageSize,
                                @Min(1) @Max(1000) int maxPageSize) {
}
