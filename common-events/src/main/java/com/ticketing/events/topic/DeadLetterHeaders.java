package com.ticketing.events.topic;

/**
 * The header names a dead-letter record carries next to the refused record's unchanged key and value,
 * the same in every service that refuses records to a {@link Topic#deadLetter() .dlq} topic.
 */
public final class DeadLetterHeaders {

    /** Machine-readable reason (listing-events-service's reject reasons, a decode failure, ...). */
    public static final String REASON = "dlq.reason";
    /** Human-readable explanation. */
    public static final String MESSAGE = "dlq.message";
    /** Topic the refused record was read from. */
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    /** Partition the refused record was read from (decimal text). */
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    /** Offset of the refused record (decimal text). */
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** The service that refused it. */
    public static final String REFUSED_BY = "dlq.refused.by";

    private DeadLetterHeaders() {
    }
}
