package com.ticketing.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole gateway (on the shared embedded broker, in demo mode) documents every REST endpoint it
 * exposes, its own and the forwarded ones, with the bearer scheme; the demo page is served at {@code /}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.gateway.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "ticketing.jwt.secret=" + ApiDocsIntegrationTest.SECRET,
        "ticketing.gateway.state-dir=target/gateway-docs-state",
        "ticketing.demo.enabled=true"})
@AutoConfigureWebTestClient
class ApiDocsIntegrationTest {

    static final String SECRET = "gateway-docs-test-secret-long-enough-for-hs256";

    /** Every path of contract section 4 with its methods, plus the demo endpoints. */
    private static final Map<String, List<String>> DOCUMENTED = Map.ofEntries(
            Map.entry("/api/messages", List.of("post")),
            Map.entry("/api/messages/conversations", List.of("get")),
            Map.entry("/api/messages/conversation/{userId}", List.of("get")),
            Map.entry("/api/messages/conversation/{userId}/read", List.of("put")),
            Map.entry("/api/messages/unread-count", List.of("get")),
            Map.entry("/api/messages/{messageId}/read", List.of("put")),
            Map.entry("/api/messages/{messageId}", List.of("delete")),
            Map.entry("/api/messages/{messageId}/report", List.of("post")),
            Map.entry("/api/messages/search", List.of("get")),
            Map.entry("/api/users/{userId}/block", List.of("put", "delete")),
            Map.entry("/api/users/blocked", List.of("get")),
            Map.entry("/api/messages/transaction/{transactionId}", List.of("get")),
            Map.entry("/api/messages/listing/{listingId}", List.of("get")),
            Map.entry("/api/listings/{listingId}", List.of("get")),
            Map.entry("/api/transactions/{transactionId}", List.of("get")),
            Map.entry("/api/presence/users/{userId}", List.of("get")),
            Map.entry("/api/presence/online-count", List.of("get")),
            Map.entry("/demo/token", List.of("get")),
            Map.entry("/demo/users", List.of("get")));

    @Autowired
    WebTestClient client;

    private JsonNode apiDocs() {
        byte[] body = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void everyRestEndpointOfTheGatewayIsDocumented() {
        JsonNode paths = apiDocs().get("paths");
        DOCUMENTED.forEach((path, methods) -> {
            assertThat(paths.has(path)).as("documents %s", path).isTrue();
            methods.forEach(method -> assertThat(paths.get(path).has(method)).as("%s %s", method, path).isTrue());
        });
    }

    @Test
    void onlyRealPathsAreListedNotRoutingPatterns() {
        assertThat(apiDocs().get("paths").propertyNames())
                .noneMatch(path -> path.contains("*") || path.startsWith("/socket.io"));
    }

    @Test
    void apiPathsRequireTheBearerSchemeAndDemoPathsDoNot() {
        JsonNode docs = apiDocs();
        JsonNode scheme = docs.at("/components/securitySchemes/bearer");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.at("/security/0").has("bearer")).isTrue();
        JsonNode demoSecurity = docs.at("/paths/~1demo~1token/get/security");
        assertThat(demoSecurity.isArray() && demoSecurity.isEmpty()).as("demo token needs no token: %s", demoSecurity).isTrue();
        assertThat(docs.at("/paths/~1api~1listings~1{listingId}/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Listing");
    }

    @Test
    void aConversationPagesByOffsetOrBeforeAMessage() {
        JsonNode parameters = apiDocs().at("/paths/~1api~1messages~1conversation~1{userId}/get/parameters");
        assertThat(parameters.findValuesAsString("name")).containsExactly("userId", "limit", "offset", "before");
    }

    @Test
    void theCallerIsNotMistakenForARequestParameter() {
        JsonNode parameters = apiDocs().at("/paths/~1api~1presence~1users~1{userId}/get/parameters");
        assertThat(parameters.findValuesAsString("name")).containsExactly("userId");
    }

    @Test
    void swaggerUiIsBrowsable() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void theDemoPageIsServedAtTheRoot() {
        client.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("socket.io.min.js"));
        client.get().uri("/vendor/socket.io.min.js").exchange().expectStatus().isOk();
    }
}
