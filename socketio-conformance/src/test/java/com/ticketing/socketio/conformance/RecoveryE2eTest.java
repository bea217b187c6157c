package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "conformance.recovery=true")
class RecoveryE2eTest extends E2eSupport {

    @Test
    void droppedClientIsRecoveredWithItsIdAndTheEventsItMissed() {
        JsonNode run = node("recovery.mjs");
        assertThat(run.get("pid").isString()).as("pid in the CONNECT reply: %s", run).isTrue();
        assertThat(run.get("authOffset").isString()).as("offset as last argument: %s", run).isTrue();
        assertThat(run.get("recovered").booleanValue()).as(run.toString()).isTrue();
        assertThat(run.get("secondId").stringValue()).isEqualTo(run.get("firstId").stringValue());
        assertThat(run.get("missed").toString()).isEqualTo("[[0],[1]]");
    }
}
