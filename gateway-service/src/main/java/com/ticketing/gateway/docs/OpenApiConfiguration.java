package com.ticketing.gateway.docs;

import com.ticketing.auth.AuthenticatedUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's OpenAPI description ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): the
 * bearer scheme every {@code /api/**} path requires, and the paths the gateway routes to the services,
 * which springdoc cannot see because they are forwarded, not handled here.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Name of the security scheme; controllers refer to it with {@code @SecurityRequirement(name = "bearer")}. */
    public static final String BEARER = "bearer";

    static {
        // Handlers take the caller as an argument resolved from the bearer token, not from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
    }

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Ticketing real-time gateway").version("v1").description("""
                        The one public origin. REST under `/api/**` needs `Authorization: Bearer <jwt>` \
                        (get one with `./ticketing token alice`, or from `/demo/token?user=alice` when the \
                        gateway runs in demo mode). Errors are `{"error":{"code","message"}}`. Socket.IO \
                        (protocol v5) is served at `/socket.io/`; its events are described in the README."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("HS256 (or RS256) JWT; `sub` is the user id, `roles` may contain `admin`")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addTagsItem(new Tag().name(ProxiedApiPaths.MESSAGES).description("Routed to message-service"))
                .addTagsItem(new Tag().name(ProxiedApiPaths.LISTINGS).description("Routed to listing-events-service"))
                .addTagsItem(new Tag().name(ProxiedApiPaths.TRANSACTIONS).description("Routed to listing-events-service"))
                .addTagsItem(new Tag().name("Presence").description("Answered by the gateway itself"));
    }

    @Bean
    OpenApiCustomizer proxiedApiPaths() {
        return new ProxiedApiPaths();
    }
}
