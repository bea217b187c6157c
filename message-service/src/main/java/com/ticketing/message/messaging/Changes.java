package com.ticketing.message.messaging;

import com.ticketing.message.outbox.OutboxSignal;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a change with its outbox events in one transaction and wakes the relay once it committed; tells
 * the store's unavailability ({@link StoreUnavailableException}) apart from refusals.
 */
public final class Changes {

    private final TransactionalOperator transactions;
    private final OutboxSignal relay;

    public Changes(TransactionalOperator transactions, OutboxSignal relay) {
        this.transactions = transactions;
        this.relay = relay;
    }

    /** The work in one transaction; the relay is woken when it committed. */
    public <T> Mono<T> committed(Mono<T> work) {
        return guarded(transactions.transactional(work)).doOnSuccess(result -> relay.wake());
    }

    /** Out of reach is {@link StoreUnavailableException}; anything else passes unchanged. */
    public static <T> Mono<T> guarded(Mono<T> work) {
        return work.onErrorMap(StoreUnavailableException::isUnavailability, StoreUnavailableException::new);
    }

    public static <T> Flux<T> guarded(Flux<T> work) {
        return work.onErrorMap(StoreUnavailableException::isUnavailability, StoreUnavailableException::new);
    }
}
