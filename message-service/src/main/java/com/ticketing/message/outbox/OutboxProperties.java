package com.ticketing.message.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: {@code ticketing.outbox.*}.
 *
 * @param relayEnabled   whether this instance relays (env {@code TICKETING_OUTBOX_RELAY_ENABLED})
 * @param pollInterval   how often the table is polled when nobody woke the relay up
 * @param batchSize      rows claimed and published per transaction
 * @param publishTimeout how long one batch may wait for the broker's acknowledgements
 * @param errorBackoff   pause after a failed batch (broker or database down)
 */
@Validated
@ConfigurationProperties("ticketing.outbox")
public record OutboxProperties(boolean relayEnabled, @NotNull Duration pollInterval, @Min(1) @Max(10_000) int batchSize,
                               @NotNull Duration publishTimeout, @NotNull Duration errorBackoff) {
}
