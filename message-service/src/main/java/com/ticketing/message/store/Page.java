package com.ticketing.message.store;

/** A window of a newest-first list: at most {@code limit} rows after skipping {@code offset}. */
public record Page(int limit, long offset) {

    public Page {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset not negative");
        }
    }
}
