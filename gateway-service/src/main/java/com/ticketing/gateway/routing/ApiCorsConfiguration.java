package com.ticketing.gateway.routing;

import com.ticketing.gateway.config.SocketIoProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the REST API, with the same allowed origins as Socket.IO polling
 * ({@code ticketing.socketio.cors-origins}), so a browser app on another origin can use both.
 */
@Configuration(proxyBeanMethods = false)
public class ApiCorsConfiguration {

    @Bean
    CorsWebFilter apiCorsFilter(SocketIoProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        if (properties.corsOrigins().contains("*")) {
            cors.addAllowedOriginPattern("*");
        } else {
            cors.setAllowedOrigins(properties.corsOrigins());
        }
        cors.setAllowCredentials(properties.corsCredentialsAllowed());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
        cors.setExposedHeaders(List.of("Retry-After", "Location"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new CorsWebFilter(source);
    }
}
