package com.ticketing.message.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The consumer of {@code messaging.message-commands}: {@code ticketing.commands.*}.
 *
 * @param enabled              whether the consumer runs (env {@code TICKETING_COMMANDS_ENABLED})
 * @param groupId              consumer group
 * @param concurrency          consumer threads (at most the topic's 6 partitions are useful)
 * @param maxBatch             most commands one poll hands over, all handled in one transaction (at most 200:
 *                             each takes two advisory locks, and PostgreSQL's lock table is shared)
 * @param handleTimeout        how long storing a poll's commands may take before they count as failed and are retried
 * @param retryInitialInterval first pause after a failure (database down), doubled up to {@code retryMaxInterval}
 * @param retryMaxInterval     longest pause between retries; retries never stop, the offset is not committed
 */
@Validated
@ConfigurationProperties("ticketing.commands")
public record CommandProperties(boolean enabled, @NotBlank String groupId, @Min(1) @Max(64) int concurrency,
                                @Min(1) @Max(200) int maxBatch, @NotNull Duration handleTimeout,
                                @NotNull Duration retryInitialInterval, @NotNull Duration retryMaxInterval) {
}
