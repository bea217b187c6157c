package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class EngineIoEchoE2eTest extends E2eSupport {

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"default", "websocket", "polling"})
    void bareEngineIoEchoesTextAndBinary(String mode) {
        JsonNode run = node("echo.mjs", mode);
        assertThat(run.get("echoed").toString()).isEqualTo("[\"hello é\",{\"buffer\":\"010203\"}]");
    }
}
