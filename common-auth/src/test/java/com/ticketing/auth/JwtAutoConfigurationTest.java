package com.ticketing.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JwtAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JwtAutoConfiguration.class));

    @Test
    void aServiceWithThePublishedDevelopmentSecretRefusesToStartOutsideDemoMode() {
        context.withPropertyValues("ticketing.jwt.secret=" + JwtSettings.DEVELOPMENT_SECRET).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("local development secret");
        });
    }

    @Test
    void inDemoModeTheDevelopmentSecretIsAccepted() {
        context.withPropertyValues("ticketing.jwt.secret=" + JwtSettings.DEVELOPMENT_SECRET, "ticketing.demo.enabled=true")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(JwtValidator.class));
    }

    @Test
    void aSecretOfItsOwnNeedsNoDemoMode() {
        context.withPropertyValues("ticketing.jwt.secret=a-secret-of-this-deployment-long-enough-for-hs256")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
