package com.ticketing.message.outbox;

import java.util.List;
import reactor.core.publisher.Mono;

/** Sends outbox entries to the broker; completes only once the broker acknowledged every one of them. */
public interface OutboxPublisher {

    /** Publishes the entries in list order; an error means some may not have been acknowledged. */
    Mono<Void> publish(List<OutboxEntry> entries);
}
