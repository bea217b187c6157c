package com.ticketing.message.outbox;

/** Tells the relay that new outbox rows were committed, so it need not wait for its next poll. */
@FunctionalInterface
public interface OutboxSignal {

    OutboxSignal NONE = () -> { };

    void wake();
}
