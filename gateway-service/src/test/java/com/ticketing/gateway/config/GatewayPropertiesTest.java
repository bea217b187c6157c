package com.ticketing.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    private static final GatewayProperties.Presence PRESENCE =
            new GatewayProperties.Presence(Duration.ofSeconds(2), Duration.ofSeconds(8));

    @Test
    void aConfiguredInstanceIdIsANameThatGetsANewSuffixAtEveryStart() {
        GatewayProperties first = new GatewayProperties("gateway-1", "localhost:9092", (short) 1, null, PRESENCE);
        GatewayProperties restarted = new GatewayProperties("gateway-1", "localhost:9092", (short) 1, null, PRESENCE);

        assertThat(first.instanceId()).matches("gateway-1-[0-9a-f]{8}");
        assertThat(restarted.instanceId()).startsWith("gateway-1-").isNotEqualTo(first.instanceId());
        assertThat(first.stateDir().getFileName()).as("a fresh state directory per start").hasToString(first.instanceId());
    }

    @Test
    void withoutANameTheHostNameIsUsed() {
        assertThat(new GatewayProperties(" ", "localhost:9092", (short) 1, null, PRESENCE).instanceId())
                .matches(".+-[0-9a-f]{8}");
    }

    @Test
    void anInstanceTimeoutShorterThanTwoHeartbeatsIsRefused() {
        assertThatThrownBy(() -> new GatewayProperties.Presence(Duration.ofSeconds(2), Duration.ofSeconds(3))).hasMessageContaining("two heartbeat intervals");
    }
}
