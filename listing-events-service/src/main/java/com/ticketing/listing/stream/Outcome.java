package com.ticketing.listing.stream;

import com.ticketing.listing.dlq.RejectReason;
import com.ticketing.listing.dlq.Rejection;
import java.util.List;

/** What the rules decided about one event: a new state with the updates to emit, or a refusal. */
public sealed interface Outcome<S> {

    /** The event is accepted: store {@code state}, emit {@code updates} (payloads) in order. */
    record Accepted<S>(S state, List<Object> updates) implements Outcome<S> {
        public Accepted {
            updates = List.copyOf(updates);
        }
    }

    /** The event is refused and goes to the dead-letter topic. */
    record Rejected<S>(Rejection rejection) implements Outcome<S> {
    }

    /** An acceptance. */
    static <S> Outcome<S> accept(S state, List<Object> updates) {
        return new Accepted<>(state, updates);
    }

    /** A refusal. */
    static <S> Outcome<S> reject(RejectReason reason, String message) {
        return new Rejected<>(Rejection.of(reason, message));
    }
}
