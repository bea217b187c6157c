package com.ticketing.listing.dlq;

import com.ticketing.events.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the headers of a dead-letter record from the refused record's headers and position. */
public final class DeadLetters {

    /** The {@code dlq.refused.by} value of this service. */
    public static final String SERVICE = "listing-events-service";

    private DeadLetters() {
    }

    /** The original headers plus the {@link DeadLetterHeaders} describing the refusal. */
    public static Headers headers(Headers original, Rejection rejection, String topic, int partition, long offset) {
        Headers headers = new RecordHeaders(original.toArray());
        put(headers, DeadLetterHeaders.REASON, rejection.reason().name());
        put(headers, DeadLetterHeaders.MESSAGE, rejection.message());
        put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, topic);
        put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(partition));
        put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(offset));
        put(headers, DeadLetterHeaders.REFUSED_BY, SERVICE);
        return headers;
    }

    /** The text of a header, or null. */
    public static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
