package com.ticketing.launcher.simulate;

import com.ticketing.events.envelope.CloudEvent;
import java.util.concurrent.CompletableFuture;

/** Where simulated events go: Kafka in real runs, a list in tests. */
public interface EventSink extends AutoCloseable {

    /** Sends one event to {@code topic} keyed by its subject; completes when the broker has it. */
    CompletableFuture<Void> send(String topic, CloudEvent<?> event);

    @Override
    void close();
}
