package com.ticketing.socketio.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Raw HTTP long-polling requests against a {@link TestEngineServer}.
 */
public final class PollingClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestEngineServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public PollingClient(TestEngineServer server) {
        this.server = server;
    }

    public HttpResponse<String> get(String query) {
        return send(request(query).GET().build());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String query) {
        return http.sendAsync(request(query).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String query, String body) {
        return send(request(query).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain;charset=UTF-8").build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public HttpRequest.Builder request(String query) {
        return request(server.uri(query));
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    }

    /** Opens a polling session and returns its sid. */
    public String handshake() {
        return openPacket().get("sid").asString();
    }

    /** Opens a polling session and returns its open packet's JSON. */
    public JsonNode openPacket() {
        HttpResponse<String> response = get("EIO=4&transport=polling");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("0");
        return JSON.readTree(response.body().substring(1));
    }

    public HttpResponse<String> poll(String sid) {
        return get("EIO=4&transport=polling&sid=" + sid);
    }

    public CompletableFuture<HttpResponse<String>> pollAsync(String sid) {
        return getAsync("EIO=4&transport=polling&sid=" + sid);
    }

    public HttpResponse<String> push(String sid, String payload) {
        return post("EIO=4&transport=polling&sid=" + sid, payload);
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
