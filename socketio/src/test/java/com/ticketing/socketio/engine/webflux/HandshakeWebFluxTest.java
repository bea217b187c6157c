package com.ticketing.socketio.engine.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.server.EngineIoOptions.Cors;
import com.ticketing.socketio.engine.testing.PollingClient;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HandshakeWebFluxTest {

    static TestEngineServer server;
    static PollingClient client;

    @BeforeAll
    static void start() {
        server = new TestEngineServer(EngineIoOptions.defaults()
                .withHeartbeat(Duration.ofMillis(300), Duration.ofMillis(200))
                .withCors(Cors.origins(List.of("https://tickets.example"), true)));
        client = new PollingClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pollingHandshakeAnswersOpenPacketWithSessionAndTimings() {
        HttpResponse<String> response = client.get("EIO=4&transport=polling");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
        assertThat(response.body()).startsWith("0{");
        JsonNode open = PollingClient.json(response.body().substring(1));
        assertThat(open.get("sid").asString()).hasSize(20).matches("[A-Za-z0-9_-]+");
        assertThat(open.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
        assertThat(open.get("pingInterval").asInt()).isEqualTo(300);
        assertThat(open.get("pingTimeout").asInt()).isEqualTo(200);
        assertThat(open.get("maxPayload").asInt()).isEqualTo(1_000_000);
        server.handler().assertNextOpen();
    }

    @Test
    void pathWithoutTrailingSlashIsServedToo() {
        URI noSlash = URI.create("http://127.0.0.1:" + server.port() + "/engine.io?EIO=4&transport=polling");
        HttpResponse<String> response = client.send(client.request(noSlash).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("0{\"sid\":");
    }

    @Test
    void sessionIdsAreUnique() {
        assertThat(client.handshake()).isNotEqualTo(client.handshake());
    }

    @Test
    void missingProtocolVersionIsUnsupported() {
        assertError(client.get("transport=polling"), 400, 5, "Unsupported protocol version");
    }

    @Test
    void protocolVersionThreeIsUnsupported() {
        assertError(client.get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
    }

    @Test
    void unknownTransportIsRefused() {
        assertError(client.get("EIO=4&transport=carrier-pigeon"), 400, 0, "Transport unknown");
        assertError(client.get("EIO=4"), 400, 0, "Transport unknown");
    }

    @Test
    void unknownSessionIdIsRefused() {
        assertError(client.get("EIO=4&transport=polling&sid=nope"), 400, 1, "Session ID unknown");
        assertError(client.post("EIO=4&transport=polling&sid=nope", "4x"), 400, 1, "Session ID unknown");
    }

    @Test
    void handshakeByPostIsBadHandshakeMethod() {
        assertError(client.post("EIO=4&transport=polling", "4x"), 400, 2, "Bad handshake method");
    }

    @Test
    void handshakeByPutIsBadHandshakeMethod() {
        HttpResponse<String> response = client.send(client.request("EIO=4&transport=polling")
                .PUT(HttpRequest.BodyPublishers.ofString("")).build());
        assertError(response, 400, 2, "Bad handshake method");
    }

    @Test
    void websocketTransportWithoutUpgradeIsBadRequest() {
        assertError(client.get("EIO=4&transport=websocket"), 400, 3, "Bad request");
    }

    @Test
    void refusedHandshakeIsForbidden() {
        try (TestEngineServer strict = new TestEngineServer(EngineIoOptions.defaults(),
                handshake -> "letmein".equals(handshake.query().get("token")))) {
            PollingClient strictClient = new PollingClient(strict);
            assertError(strictClient.get("EIO=4&transport=polling"), 403, 4, "Forbidden");
            assertThat(strictClient.get("EIO=4&transport=polling&token=letmein").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void allowedOriginIsEchoedWithCredentials() {
        HttpResponse<String> response = client.send(client.request("EIO=4&transport=polling")
                .header("Origin", "https://tickets.example").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tickets.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void otherOriginGetsNoCorsHeaders() {
        HttpResponse<String> response = client.send(client.request("EIO=4&transport=polling")
                .header("Origin", "https://evil.example").GET().build());

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void errorAnswersCarryCorsHeadersToo() {
        HttpResponse<String> response = client.send(client.request("EIO=4&transport=polling&sid=nope")
                .header("Origin", "https://tickets.example").GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tickets.example");
    }

    @Test
    void preflightIsAnsweredWithAllowedMethodsAndRequestedHeaders() {
        HttpResponse<String> response = client.send(client.request("EIO=4&transport=polling")
                .header("Origin", "https://tickets.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://tickets.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET", "POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
    }

    static void assertError(HttpResponse<String> response, int status, int code, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }
}
