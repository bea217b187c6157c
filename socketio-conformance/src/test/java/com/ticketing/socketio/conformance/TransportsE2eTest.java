package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class TransportsE2eTest extends E2eSupport {

    // one roundtrip per transport mode serves every rule below
    private static final Map<String, JsonNode> RUNS = new ConcurrentHashMap<>();

    private JsonNode roundtrip(String mode) {
        return RUNS.computeIfAbsent(mode, m -> node("roundtrip.mjs", m));
    }

    @Test
    void defaultClientStartsWithPollingAndUpgradesToWebSocket() {
        JsonNode run = roundtrip("default");
        assertThat(run.get("firstTransport").stringValue()).isEqualTo("polling");
        assertThat(run.get("transport").stringValue()).isEqualTo("websocket");
    }

    @Test
    void webSocketOnlyClientStaysOnWebSocket() {
        JsonNode run = roundtrip("websocket");
        assertThat(run.get("firstTransport").stringValue()).isEqualTo("websocket");
        assertThat(run.get("transport").stringValue()).isEqualTo("websocket");
    }

    @Test
    void pollingOnlyClientStaysOnPolling() {
        JsonNode run = roundtrip("polling");
        assertThat(run.get("transport").stringValue()).isEqualTo("polling");
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"default", "websocket", "polling"})
    void connectPayloadComesBackAsAuth(String mode) {
        JsonNode run = roundtrip(mode);
        assertThat(run.get("auth").toString()).isEqualTo("{\"token\":\"abc\",\"n\":1}");
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"default", "websocket", "polling"})
    void nestedJsonAndBinaryArgumentsComeBackUnchanged(String mode) {
        JsonNode run = roundtrip(mode);
        assertThat(run.get("messageBackEqual").booleanValue()).as(run.toString()).isTrue();
        assertThat(run.at("/messageBack/2/buffer").stringValue())
                .isEqualTo(hex("binary-argument"));
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"default", "websocket", "polling"})
    void clientAckIsAnsweredWithTheSameArguments(String mode) {
        JsonNode run = roundtrip(mode);
        assertThat(run.get("ackEqual").booleanValue()).as(run.toString()).isTrue();
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"default", "websocket", "polling"})
    void serverEmitWithAckGetsTheClientAnswer(String mode) {
        JsonNode run = roundtrip(mode);
        assertThat(run.get("serverAckReply").toString())
                .isEqualTo("[{\"question\":42},{\"buffer\":\"71\"},\"answer\"]");
    }

    private static String hex(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
