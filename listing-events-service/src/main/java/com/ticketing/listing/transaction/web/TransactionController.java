package com.ticketing.listing.transaction.web;

import com.ticketing.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Parameter;
import com.ticketing.auth.web.ApiException;
import com.ticketing.listing.query.StateAnswers;
import com.ticketing.listing.transaction.TransactionState;
import com.ticketing.listing.transaction.TransactionTopology;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code GET /api/transactions/{transactionId}}: the current transaction, for its buyer, its seller or an admin. */
@RestController
public class TransactionController {

    private final StateAnswers answers;

    public TransactionController(StateAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/api/transactions/{transactionId}")
    public Mono<ResponseEntity<?>> transaction(@PathVariable String transactionId,
            @Parameter(hidden = true) AuthenticatedUser caller, ServerWebExchange exchange) {
        return answers.<TransactionState>answer(TransactionTopology.STORE, transactionId,
                "No transaction " + transactionId, exchange, state -> {
                    if (!caller.isAdmin() && !state.involves(caller.userId())) {
                        // the answer an unknown transaction gets: a stranger does not learn that it exists
                        throw ApiException.notFound("No transaction " + transactionId);
                    }
                    return TransactionView.of(state);
                });
    }
}
