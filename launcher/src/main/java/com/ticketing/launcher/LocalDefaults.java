package com.ticketing.launcher;

import com.ticketing.auth.JwtSettings;
import java.time.Duration;
import java.util.Map;

/** The settings of a local stack, from the environment with development defaults. */
final class LocalDefaults {

    /** Development-only HS256 secret; set TICKETING_JWT_SECRET for anything shared. */
    static final String DEVELOPMENT_SECRET = JwtSettings.DEVELOPMENT_SECRET;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int POSTGRES_PORT = 5433;
    static final int GATEWAY_PORT = 3000;
    static final int MESSAGE_SERVICE_PORT = 8081;
    static final int LISTING_SERVICE_PORT = 8082;
    /** Prometheus and detailed health: the services' management ports (gateway instance i: 9300 + i). */
    static final int GATEWAY_MANAGEMENT_PORT = 9300;
    static final int MESSAGE_SERVICE_MANAGEMENT_PORT = 9081;
    static final int LISTING_SERVICE_MANAGEMENT_PORT = 9082;

    private LocalDefaults() {
    }

    static String env(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The JWT settings the services will use: the environment's, or the development secret. */
    static JwtSettings jwtSettings(Map<String, String> environment) {
        return new JwtSettings(env(environment, "TICKETING_JWT_SECRET", DEVELOPMENT_SECRET), null,
                environment.get("TICKETING_JWT_ISSUER"), environment.get("TICKETING_JWT_AUDIENCE"), Duration.ofSeconds(30));
    }
}
