package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

// The reference timings (heartbeat 300 + 200 ms, connect timeout 1 s) are shorter than the stalls of
// one Node process opening 1,000 clients (its pings answered late, its CONNECTs posted late over
// polling): load runs on the production defaults instead.
@TestPropertySource(properties = {"conformance.ping-interval=25s", "conformance.ping-timeout=20s",
    "conformance.connect-timeout=45s"})
class LoadE2eTest extends E2eSupport {

    // The elapsed time is printed, not asserted: this machine is shared.
    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "default"})
    void thousandConcurrentSocketsEachCompleteAnAck(String mode) {
        JsonNode run = node(Duration.ofMinutes(3), "load.mjs", "1000", mode);
        System.out.printf("1000 sockets (%s) connected and acked in %d ms%n", mode, run.get("elapsedMs").intValue());
        assertThat(run.get("correct").booleanValue()).isTrue();
    }
}
