package com.ticketing.auth;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Gives every Spring Boot service the same {@link JwtValidator}, configured from {@code ticketing.jwt.*}
 * (environment: {@code TICKETING_JWT_SECRET}, {@code TICKETING_JWT_PUBLIC_KEY}, {@code TICKETING_JWT_ISSUER},
 * {@code TICKETING_JWT_AUDIENCE}, {@code TICKETING_JWT_CLOCK_SKEW}).
 */
@AutoConfiguration
@EnableConfigurationProperties(JwtAutoConfiguration.JwtProperties.class)
public class JwtAutoConfiguration {

    /** The {@code ticketing.jwt.*} properties. */
    @ConfigurationProperties("ticketing.jwt")
    public record JwtProperties(String secret, String publicKey, String issuer, String audience, Duration clockSkew) {

        JwtSettings toSettings() {
            return new JwtSettings(secret, publicKey, issuer, audience, clockSkew);
        }
    }

    /** The settings; the published development secret only with {@code ticketing.demo.enabled=true}. */
    @Bean
    @ConditionalOnMissingBean
    JwtSettings jwtSettings(JwtProperties properties, Environment environment) {
        boolean demoMode = environment.getProperty("ticketing.demo.enabled", Boolean.class, false);
        return properties.toSettings().requireNoPublishedSecret(demoMode);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtValidator jwtValidator(JwtSettings settings) {
        return new JwtValidator(settings);
    }
}
