package com.ticketing.listing.dlq;

/** The header names a dead-letter record carries next to the refused record's unchanged key and value. */
public final class DeadLetterHeaders {

    /** Machine-readable reason, one of {@link RejectReason}. */
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
