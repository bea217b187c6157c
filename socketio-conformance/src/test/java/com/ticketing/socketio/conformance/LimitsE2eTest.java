package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class LimitsE2eTest extends E2eSupport {

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"websocket", "polling"})
    void messageAboveMaxPayloadClosesThatClientOnly(String mode) {
        JsonNode run = node("max-payload.mjs", "1000001", mode);
        assertThat(run.get("reason").stringValue()).isIn("transport close", "transport error");
        assertThat(run.get("bystanderAck").stringValue()).isEqualTo("still here");
    }

    @Test
    void messageJustBelowMaxPayloadGoesThrough() {
        JsonNode run = node("roundtrip-size.mjs", "999000");
        assertThat(run.get("echoedLength").intValue()).isEqualTo(999000);
    }

    @Test
    void clientThatStopsAnsweringPingsIsClosed() {
        JsonNode run = node("ping-timeout.mjs");
        assertThat(run.get("connected").booleanValue()).isTrue();
        assertThat(run.get("pingInterval").intValue()).isEqualTo(300);
        assertThat(run.get("pingTimeout").intValue()).isEqualTo(200);
        assertThat(run.get("pings").intValue()).isGreaterThanOrEqualTo(1);
        // not before pingInterval + pingTimeout (500 ms); how much later depends on the machine's load
        System.out.printf("closed for ping timeout after %d ms%n", run.get("closedAfterMs").intValue());
        assertThat(run.get("closedAfterMs").intValue()).isGreaterThanOrEqualTo(450);
    }

    @ParameterizedTest(name = "\"{0}\" closes only that connection")
    @ValueSource(strings = {
        "2[\"unterminated",
        "2{\"not\":\"an array\"}",
        "2[1]",
        "2[\"disconnect\"]",
        "9",
        "3[\"ack without id\"]",
        "299999999999999999999[\"overflow\"]",
        "2/not-joined,[\"x\"]",
        "40",
        // an announced attachment must come before any text packet
        "51-[\"bin\",{\"_placeholder\":true,\"num\":0}]||2[\"text\"]",
    })
    void malformedSocketIoPacketClosesOnlyThatConnection(String packet) {
        JsonNode run = node("malformed.mjs", packet);
        // the WebSocket close the script observed: the server's close frame, normal or without status
        assertThat(run.get("closeCode").intValue()).isIn(1000, 1005);
        assertThat(run.get("bystanderAck").stringValue()).isEqualTo("unaffected");
    }

    @Test
    void sessionThatNeverConnectsToANamespaceIsClosedAfterTheConnectTimeout() {
        JsonNode run = node("connect-timeout.mjs");
        System.out.printf("closed for connect timeout after %d ms%n", run.get("closedAfterMs").intValue());
        assertThat(run.get("closedAfterMs").intValue()).isGreaterThanOrEqualTo(900);
    }
}
