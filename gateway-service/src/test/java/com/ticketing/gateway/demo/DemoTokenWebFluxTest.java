package com.ticketing.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.auth.JwtAutoConfiguration;
import com.ticketing.auth.JwtSettings;
import com.ticketing.auth.JwtValidator;
import com.ticketing.auth.TokenCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The demo token endpoint: only in demo mode, only for demo users, tokens the gateway itself accepts. */
class DemoTokenWebFluxTest {

    private static final String SECRET = "demo-token-test-secret-long-enough-for-hs256";
    private final JwtSettings jwt = JwtSettings.hs256(SECRET);
    private final DemoProperties demo = new DemoProperties(true, List.of("alice", "bob", "carol"), Duration.ofMinutes(30));
    private final WebTestClient client = WebTestClient.bindToController(new DemoTokenController(demo, jwt)).build();

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoProperties.class)
    static class DemoOnly {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class))
            .withUserConfiguration(DemoOnly.class, DemoTokenController.class)
            .withPropertyValues("ticketing.jwt.secret=" + SECRET);

    @Test
    void aDemoUserGetsATokenTheValidatorAccepts() {
        var body = client.get().uri("/demo/token?user=alice").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(DemoTokenController.DemoToken.class).returnResult().getResponseBody();

        assertThat(body.userId()).isEqualTo("alice");
        TokenCheck check = new JwtValidator(jwt).check(body.token());
        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class, valid -> {
            assertThat(valid.user().userId()).isEqualTo("alice");
            assertThat(valid.user().isAdmin()).isFalse();
        });
    }

    @Test
    void anyoneElseIsRefusedWithAValidationError() {
        client.get().uri("/demo/token?user=mallory").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
        client.get().uri("/demo/token").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theDemoUsersAreListedForThePage() {
        client.get().uri("/demo/users").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"users\":[\"alice\",\"bob\",\"carol\"]}");
    }

    @Test
    void theEndpointDoesNotExistUnlessDemoModeIsOn() {
        context.run(app -> assertThat(app).doesNotHaveBean(DemoTokenController.class));
        context.withPropertyValues("ticketing.demo.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(DemoTokenController.class));
        context.withPropertyValues("ticketing.demo.enabled=true")
                .run(app -> assertThat(app).hasSingleBean(DemoTokenController.class));
    }

    @Test
    void demoModeWithoutASharedSecretRefusesToStart() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new DemoTokenController(demo,
                new JwtSettings(null, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", null, null, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TICKETING_JWT_SECRET");
    }
}
