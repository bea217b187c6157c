package com.ticketing.auth.web;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ticketing.jwt.secret=" + ApiSecurityWebFluxTest.SECRET)
@AutoConfigureWebTestClient(timeout = "PT30S") // a loaded 2-core CI machine can be slower than the 5 s default
class ApiSecurityWebFluxTest {

    static final String SECRET = "web-test-secret-that-is-long-enough-for-hs256";
    private final JwtIssuer issuer = new JwtIssuer(JwtSettings.hs256(SECRET));

    @Autowired
    WebTestClient client;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void requestWithoutTokenIsAnswered401WithTheContractMessage() {
        client.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().json("{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Authentication required\"}}");
    }

    @Test
    void expiredTokenIsAnsweredTokenExpired() {
        client.get().uri("/api/me").headers(h -> h.setBearerAuth(issuer.issue("alice", false, Duration.ofMinutes(-5))))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").isEqualTo("Token expired");
    }

    @Test
    void validTokenReachesTheHandlerAsAuthenticatedUser() {
        client.get().uri("/api/me").headers(h -> h.setBearerAuth(issuer.issue("alice", true, Duration.ofHours(1))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"userId\":\"alice\",\"admin\":true}");
    }

    @Test
    void apiExceptionBecomesItsStatusAndRetryAfter() {
        client.get().uri("/api/limited").headers(h -> h.setBearerAuth(issuer.issue("alice", false, Duration.ofHours(1))))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectBody().jsonPath("$.error.code").isEqualTo("RATE_LIMITED");
    }

    @Test
    void malformedJsonIsAValidationError() {
        client.post().uri("/api/echo").headers(h -> h.setBearerAuth(issuer.issue("alice", false, Duration.ofHours(1))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
    }

    @Test
    void unknownApiRouteIsA404InTheErrorShape() {
        client.get().uri("/api/nothing-here").headers(h -> h.setBearerAuth(issuer.issue("alice", false, Duration.ofHours(1))))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodKeepsItsStatusInTheErrorShape() {
        client.delete().uri("/api/me").headers(h -> h.setBearerAuth(issuer.issue("alice", false, Duration.ofHours(1))))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.error.message").exists();
    }

    @Test
    void anEncodedOrMatrixSpelledApiPathStillNeedsAToken() {
        client.get().uri(java.net.URI.create("http://localhost:" + port + "/%61pi/me")).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri(java.net.URI.create("http://localhost:" + port + "/api;x=1/me")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void pathsOutsideTheApiNeedNoToken() {
        client.get().uri("/public").exchange().expectStatus().isOk();
    }

    @SpringBootApplication
    @RestController
    static class TestApp {

        @GetMapping("/api/me")
        Map<String, Object> me(AuthenticatedUser user) {
            return Map.of("userId", user.userId(), "admin", user.isAdmin());
        }

        @GetMapping("/api/limited")
        Map<String, Object> limited() {
            throw ApiException.rateLimited(Duration.ofMillis(2500));
        }

        @PostMapping("/api/echo")
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return body;
        }

        @GetMapping("/public")
        String open() {
            return "ok";
        }
    }
}
