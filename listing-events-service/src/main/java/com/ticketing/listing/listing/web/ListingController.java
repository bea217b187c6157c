package com.ticketing.listing.listing.web;

import com.ticketing.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Parameter;
import com.ticketing.listing.listing.ListingState;
import com.ticketing.listing.listing.ListingTopology;
import com.ticketing.listing.query.StateAnswers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/listings/{listingId}}: the current listing, for any signed-in user. */
@RestController
public class ListingController {

    private final StateAnswers answers;

    public ListingController(StateAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/api/listings/{listingId}")
    public Mono<ResponseEntity<?>> listing(@PathVariable String listingId,
            @Parameter(hidden = true) AuthenticatedUser caller, ServerWebExchange exchange) {
        return answers.<ListingState>answer(ListingTopology.STORE, listingId, "No listing " + listingId, exchange,
                ListingView::of);
    }
}
