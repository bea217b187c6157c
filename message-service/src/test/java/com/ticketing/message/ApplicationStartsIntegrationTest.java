package com.ticketing.message;

import com.ticketing.message.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

class ApplicationStartsIntegrationTest extends IntegrationTestSupport {

    @Test
    void healthIsUpAndOpenApiListsTheMessageEndpointsWithTheBearerScheme() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/messages'].post").exists()
                .jsonPath("$.paths['/api/messages/conversations'].get").exists()
                .jsonPath("$.paths['/api/messages/{messageId}'].delete").exists()
                .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer");
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
