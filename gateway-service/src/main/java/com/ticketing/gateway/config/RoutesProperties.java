package com.ticketing.gateway.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway forwards the REST paths it does not serve itself ({@code ticketing.routes.*}).
 *
 * @param messageService  {@code /api/messages/**} ({@code MESSAGE_SERVICE_URL})
 * @param listingService  {@code /api/listings/**} and {@code /api/transactions/**} ({@code LISTING_SERVICE_URL})
 * @param connectTimeout  to open a connection to a service
 * @param responseTimeout for a service's whole answer
 */
@ConfigurationProperties("ticketing.routes")
public record RoutesProperties(@DefaultValue("http://localhost:8081") URI messageService,
                               @DefaultValue("http://localhost:8082") URI listingService,
                               @DefaultValue("2s") Duration connectTimeout,
                               @DefaultValue("10s") Duration responseTimeout) {
}
