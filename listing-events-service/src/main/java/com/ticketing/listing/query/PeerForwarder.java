package com.ticketing.listing.query;

import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.web.ErrorCode;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Forwards a query to the instance that owns its key, with the caller's token, and relays that
 * instance's answer (status, body) as is: the owner applies the same authorization rules. A request
 * that was already forwarded is never forwarded again, so ownership moving mid-request gives a 503,
 * not a loop.
 */
public class PeerForwarder {

    /** Marks a request forwarded by a peer. */
    public static final String FORWARDED_HEADER = "X-Ticketing-Forwarded-By";

    private final WebClient client;
    private final Duration timeout;

    public PeerForwarder(WebClient.Builder builder, Duration timeout) {
        this.client = builder.build();
        this.timeout = timeout;
    }

    /** The owner's answer to the same GET request. */
    public Mono<ResponseEntity<byte[]>> forward(HostInfo owner, ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().containsHeader(FORWARDED_HEADER)) {
            return Mono.error(new ApiException(ErrorCode.UNAVAILABLE, "State is moving between instances, retry shortly"));
        }
        String uri = "http://" + owner.host() + ":" + owner.port() + exchange.getRequest().getPath().value();
        return client.get().uri(uri)
                .headers(headers -> {
                    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(FORWARDED_HEADER, "listing-events-service");
                })
                .exchangeToMono(response -> response.toEntity(byte[].class))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ApiException),
                        e -> new ApiException(ErrorCode.UNAVAILABLE, "The instance owning this key did not answer"));
    }
}
