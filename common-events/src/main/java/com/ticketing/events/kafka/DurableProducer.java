package com.ticketing.events.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How every producer of the platform writes, defined once. Each record is acknowledged by all
 * in-sync replicas (with the topics' {@code min.insync.replicas} of 2 out of 3 it survives the loss
 * of any one broker); the producer is idempotent, so a retried batch is neither written twice nor
 * reordered within its partition (which holds with at most five requests in flight); and its
 * timeouts agree: a request may take a third of the time the caller grants, a send waits for
 * metadata no longer than one request, and it is given up only after the whole grant (never before
 * linger plus one request). A caller that waits for the acknowledgement waits at most
 * {@link #longestSend}, so no send outlives the caller that gave up on it and races its retry.
 */
public final class DurableProducer {

    private static final Duration LONGEST_REQUEST = Duration.ofSeconds(30);
    private static final Duration SHORTEST_REQUEST = Duration.ofSeconds(1);

    private DurableProducer() {
    }

    /**
     * {@code connection} (bootstrap servers, security, anything else the caller needs) with the
     * durable settings over it, as {@code clientId}.
     *
     * @param giveUpAfter how long a send may take, from the call to the acknowledgement
     * @param linger      how long records wait to share a batch
     */
    public static Map<String, Object> config(Map<String, Object> connection, String clientId, Duration giveUpAfter,
                                             Duration linger) {
        Duration request = requestTimeout(giveUpAfter);
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE); // bounded by the delivery timeout
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, request.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.max(giveUpAfter.toMillis(), linger.plus(request).toMillis()));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** The longest a send can take with {@link #config}: waiting for metadata, then the delivery timeout. */
    public static Duration longestSend(Duration giveUpAfter, Duration linger) {
        Duration request = requestTimeout(giveUpAfter);
        Duration delivery = giveUpAfter.compareTo(linger.plus(request)) >= 0 ? giveUpAfter : linger.plus(request);
        return request.plus(delivery);
    }

    private static Duration requestTimeout(Duration giveUpAfter) {
        Duration third = giveUpAfter.dividedBy(3);
        if (third.compareTo(SHORTEST_REQUEST) < 0) {
            return SHORTEST_REQUEST;
        }
        return third.compareTo(LONGEST_REQUEST) > 0 ? LONGEST_REQUEST : third;
    }
}
