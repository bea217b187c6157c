package com.ticketing.gateway.routing;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.web.BearerAuthenticationWebFilter;
import com.ticketing.gateway.ratelimit.MessageRateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import java.net.URI;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The one public origin: {@code /api/messages/**} and {@code /api/users/**} (blocks) go to message-service,
 * {@code /api/listings/**} and {@code /api/transactions/**} to listing-events-service. Bearer
 * authentication has already run (the common filter covers {@code /api/**}); message writes count
 * against the same per-user limit as socket sends.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceRoutes {

    @Bean
    RouterFunction<ServerResponse> proxiedRoutes(ServiceProxy proxy, MessageRateLimit messageLimit) {
        URI messages = proxy.routes().messageService();
        URI listings = proxy.routes().listingService();
        return RouterFunctions.route()
                .route(POST("/api/messages"), request -> limitedSend(messageLimit.limiter(), request,
                        forward(proxy, request, messages, "message-service")))
                .route(path("/api/messages").or(path("/api/messages/**")).or(path("/api/users/**")),
                        request -> forward(proxy, request, messages, "message-service"))
                .route(path("/api/listings/**").or(path("/api/transactions/**")),
                        request -> forward(proxy, request, listings, "listing-events-service"))
                .build();
    }

    /** Writes the service's answer straight to the exchange; no ServerResponse of its own. */
    private static Mono<ServerResponse> forward(ServiceProxy proxy, ServerRequest request, URI service, String name) {
        return proxy.forward(request.exchange(), service, name).then(Mono.empty());
    }

    /**
     * Counts the send against the user's limit; a send that did not get through (message-service failed
     * or was out of reach, 5xx) is given back, so its retry with the same clientMessageId is not refused.
     */
    private static Mono<ServerResponse> limitedSend(SlidingWindowRateLimiter limiter, ServerRequest request,
                                                    Mono<ServerResponse> send) {
        String userId = BearerAuthenticationWebFilter.userOf(request.exchange()).userId();
        RateLimitDecision decision = limiter.tryAcquire(userId);
        if (!decision.allowed()) {
            return Mono.error(ApiException.rateLimited(decision.retryAfter()));
        }
        return send.doFinally(signal -> {
            HttpStatusCode status = request.exchange().getResponse().getStatusCode();
            if (signal != SignalType.ON_COMPLETE || status == null || status.is5xxServerError()) {
                limiter.release(userId);
            }
        });
    }
}
