package com.ticketing.listing.query;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The {@code ticketing.query.*} settings (environment {@code TICKETING_QUERY_*}). */
@Validated
@ConfigurationProperties("ticketing.query")
public record QueryProperties(@NotNull @DefaultValue("5s") Duration forwardTimeout) {
}
