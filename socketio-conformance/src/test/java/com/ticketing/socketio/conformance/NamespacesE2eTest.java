package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NamespacesE2eTest extends E2eSupport {

    @Test
    void customNamespaceConnectsAndEchoesItsAuth() {
        JsonNode run = node("namespaces.mjs");
        assertThat(run.get("customConnected").booleanValue()).isTrue();
        assertThat(run.get("customAuth").toString()).isEqualTo("{\"ns\":\"custom\"}");
    }

    @Test
    void unknownNamespaceIsRefusedWithInvalidNamespace() {
        JsonNode run = node("namespaces.mjs");
        assertThat(run.get("unknownError").stringValue()).isEqualTo("Invalid namespace");
        assertThat(run.get("unknownConnected").booleanValue()).isFalse();
    }
}
