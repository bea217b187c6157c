package com.ticketing.listing.query;

import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.web.ErrorCode;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Turns a {@link Lookup} into the HTTP answer: the view, 404, the owner's relayed answer, or 503. */
public class StateAnswers {

    private final StateQuery query;
    private final PeerForwarder forwarder;

    public StateAnswers(StateQuery query, PeerForwarder forwarder) {
        this.query = query;
        this.forwarder = forwarder;
    }

    /**
     * Answers a GET for {@code key} in {@code store}; {@code view} maps the state to the body and may
     * throw an {@link ApiException} (e.g. forbidden).
     */
    public <V> Mono<ResponseEntity<?>> answer(String store, String key, String notFound, ServerWebExchange exchange,
                                              Function<V, Object> view) {
        return query.<V>lookup(store, key).flatMap(lookup -> {
            if (lookup instanceof Lookup.Found<V> found) {
                return Mono.fromCallable(() -> ResponseEntity.ok(view.apply(found.value())));
            }
            if (lookup instanceof Lookup.Elsewhere<V> elsewhere) {
                return forwarder.forward(elsewhere.owner(), exchange);
            }
            if (lookup instanceof Lookup.Unavailable<V>) {
                return Mono.error(new ApiException(ErrorCode.UNAVAILABLE, "State is not available yet, retry shortly"));
            }
            return Mono.error(ApiException.notFound(notFound));
        });
    }
}
