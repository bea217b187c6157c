package com.ticketing.gateway.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Stopping a thread that polls a Kafka consumer of its own: wake the consumer out of its poll, then wait. */
public final class ConsumerThreads {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private ConsumerThreads() {
    }

    /** Wakes {@code consumer} (if started) and waits up to 5 s for {@code thread} (if started) to end. */
    public static void stop(KafkaConsumer<?, ?> consumer, Thread thread) {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
