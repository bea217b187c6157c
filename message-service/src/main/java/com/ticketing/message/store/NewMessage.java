package com.ticketing.message.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A validated message about to be inserted; {@code clientMessageId} may be null.
 *
 * @param createdAt   the earliest it is stored at: later if the conversation's newest message is not older
 * @param requestedAt when the sender sent it (the send limit judges by it)
 */
public record NewMessage(UUID id, String senderId, String receiverId, String content, String transactionId,
                         String listingId, String clientMessageId, Instant createdAt, Instant requestedAt) {

    /** The row this message becomes when it is stored at {@code at}: unread, not updated, not deleted. */
    public StoredMessage storedAt(Instant at) {
        return new StoredMessage(id, senderId, receiverId, content, transactionId, listingId, false, null,
                clientMessageId, at, at, null);
    }
}
