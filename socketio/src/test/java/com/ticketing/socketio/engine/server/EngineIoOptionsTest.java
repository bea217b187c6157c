package com.ticketing.socketio.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineIoOptionsTest {

    @Test
    void defaultsAreThoseOfTheReferenceServer() {
        EngineIoOptions options = EngineIoOptions.defaults();

        assertThat(options.pingInterval()).isEqualTo(Duration.ofMillis(25_000));
        assertThat(options.pingTimeout()).isEqualTo(Duration.ofMillis(20_000));
        assertThat(options.upgradeTimeout()).isEqualTo(Duration.ofMillis(10_000));
        assertThat(options.maxPayload()).isEqualTo(1_000_000);
        assertThat(options.transports()).containsExactlyInAnyOrder("polling", "websocket");
    }

    @Test
    void pollingSessionsAreOfferedWebSocketAndWebSocketSessionsNothing() {
        EngineIoOptions options = EngineIoOptions.defaults();

        assertThat(options.upgradesFrom("polling")).containsExactly("websocket");
        assertThat(options.upgradesFrom("websocket")).isEmpty();
        assertThat(options.withTransports("polling").upgradesFrom("polling")).isEmpty();
    }

    @Test
    void nonPositiveTimingsAreRejected() {
        assertThatThrownBy(() -> EngineIoOptions.defaults().withHeartbeat(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pingInterval");
        assertThatThrownBy(() -> EngineIoOptions.defaults().withMaxPayload(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPayload");
    }

    @Test
    void unknownTransportIsRejected() {
        assertThatThrownBy(() -> EngineIoOptions.defaults().withTransports("webtransport"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corsAllowsOnlyListedOriginsUnlessAnyOrigin() {
        EngineIoOptions.Cors listed = EngineIoOptions.Cors.origins(List.of("https://a.example"), false);

        assertThat(listed.allows("https://a.example")).isTrue();
        assertThat(listed.allows("https://b.example")).isFalse();
        assertThat(EngineIoOptions.Cors.anyOrigin(false).allows("https://b.example")).isTrue();
        assertThat(EngineIoOptions.Cors.DISABLED.allows("https://a.example")).isFalse();
    }
}
