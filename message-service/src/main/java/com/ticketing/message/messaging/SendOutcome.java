package com.ticketing.message.messaging;

import com.ticketing.message.store.StoredMessage;

/** The stored message of a send, and whether this send created it ({@code false}: an idempotent replay). */
public record SendOutcome(StoredMessage message, boolean created) {
}
