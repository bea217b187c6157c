package com.ticketing.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SocketIoPropertiesTest {

    private static SocketIoProperties withOrigins(List<String> origins, boolean credentials) {
        return new SocketIoProperties(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000, Duration.ofSeconds(45),
                Duration.ofSeconds(10), origins, credentials, 20, 1000, DataSize.ofKilobytes(256), 50, List.of());
    }

    @Test
    void anyOriginNeverGetsCredentials() {
        assertThat(withOrigins(List.of("*"), true).corsCredentialsAllowed()).isFalse();
    }

    @Test
    void listedOriginsGetCredentialsWhenConfigured() {
        assertThat(withOrigins(List.of("https://tickets.example"), true).corsCredentialsAllowed()).isTrue();
        assertThat(withOrigins(List.of("https://tickets.example"), false).corsCredentialsAllowed()).isFalse();
    }
}
