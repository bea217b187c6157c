package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReconnectionE2eTest extends E2eSupport {

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"default", "websocket", "polling"})
    void clientReconnectsOnItsOwnAfterTheServerDropsIt(String mode) {
        JsonNode run = node("reconnect.mjs", mode);
        assertThat(run.get("reason").stringValue()).isEqualTo("transport close");
        assertThat(run.get("reconnected").booleanValue()).isTrue();
        assertThat(run.get("secondId").stringValue()).isNotEqualTo(run.get("firstId").stringValue());
        assertThat(run.get("acked").stringValue()).isEqualTo("after reconnect");
    }
}
