package com.ticketing.auth.web;

import com.ticketing.auth.JwtAutoConfiguration;
import com.ticketing.auth.JwtValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Bearer authentication and the JSON error shape for every reactive REST service, on the paths of
 * {@code ticketing.api.path-pattern} (default {@code /api/**}).
 */
@AutoConfiguration(after = JwtAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ApiSecurityAutoConfiguration.ApiProperties.class)
public class ApiSecurityAutoConfiguration {

    /** The {@code ticketing.api.*} properties. */
    @ConfigurationProperties("ticketing.api")
    public record ApiProperties(String pathPattern) {
        public ApiProperties {
            pathPattern = pathPattern == null || pathPattern.isBlank() ? "/api/**" : pathPattern;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    BearerAuthenticationWebFilter bearerAuthenticationWebFilter(JwtValidator validator, ApiProperties properties) {
        return new BearerAuthenticationWebFilter(validator, properties.pathPattern());
    }

    /** Runs before Spring Boot's error handler (order -1) so API errors keep the contract's shape. */
    @Bean
    @Order(-2)
    @ConditionalOnMissingBean
    ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ApiProperties properties) {
        return new ApiErrorWebExceptionHandler(properties.pathPattern());
    }

    @Bean
    WebFluxConfigurer authenticatedUserArgumentConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new AuthenticatedUserArgumentResolver());
            }
        };
    }
}
