package com.ticketing.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.message.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

class ApplicationStartsIntegrationTest extends IntegrationTestSupport {

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void healthIsUpAndOpenApiListsTheMessageEndpointsWithTheBearerScheme() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/messages'].post").exists()
                .jsonPath("$.paths['/api/messages/conversations'].get").exists()
                .jsonPath("$.paths['/api/messages/{messageId}'].delete").exists()
                .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }

    @Test
    void prometheusAndHealthDetailsAreOnTheManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }
}
