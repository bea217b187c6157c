package com.ticketing.auth.web;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /actuator/health} on the public port of a service whose actuator lives on a management
 * port (contract section 1): the overall status and its HTTP code (200 when UP, 503 when DOWN), and
 * nothing else, so a load balancer can probe it and nobody learns the components or their details.
 * Where the actuator shares the public port, its own endpoint answers first and this route is never reached.
 */
@AutoConfiguration(afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ReactiveHealthEndpointWebExtension.class, RouterFunction.class})
public class PublicHealthAutoConfiguration {

    static final String PATH = "/actuator/health";

    @Bean
    @ConditionalOnBean(ReactiveHealthEndpointWebExtension.class)
    RouterFunction<ServerResponse> publicHealthRoute(ReactiveHealthEndpointWebExtension health) {
        return RouterFunctions.route().GET(PATH, request -> health
                .health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE)
                .flatMap(answer -> ServerResponse.status(HttpStatus.valueOf(answer.getStatus()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("status", answer.getBody().getStatus().getCode()))))
                .build();
    }
}
