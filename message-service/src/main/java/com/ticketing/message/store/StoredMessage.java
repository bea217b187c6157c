package com.ticketing.message.store;

import com.ticketing.events.payload.message.MessageView;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the {@code messages} table, including the columns clients never see. */
public record StoredMessage(UUID id, String senderId, String receiverId, String content, String transactionId,
                            String listingId, boolean isRead, Instant readAt, String clientMessageId,
                            Instant createdAt, Instant updatedAt, Instant deletedAt) {

    /**
     * The columns a row is read from, never {@code *}: the stored {@code search_vector} is as large as the
     * content and no read needs it.
     */
    public static final String COLUMNS = "id, sender_id, receiver_id, content, transaction_id, listing_id, is_read, "
            + "read_at, client_message_id, created_at, updated_at, deleted_at";

    /** {@link #COLUMNS} of a table or subquery named {@code alias}. */
    public static String columnsOf(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static StoredMessage from(Readable row) {
        return new StoredMessage(row.get("id", UUID.class), row.get("sender_id", String.class),
                row.get("receiver_id", String.class), row.get("content", String.class),
                row.get("transaction_id", String.class), row.get("listing_id", String.class),
                Boolean.TRUE.equals(row.get("is_read", Boolean.class)), instant(row, "read_at"),
                row.get("client_message_id", String.class), instant(row, "created_at"), instant(row, "updated_at"),
                instant(row, "deleted_at"));
    }

    /** The message as clients and events see it. */
    public MessageView view() {
        return new MessageView(id.toString(), senderId, receiverId, content, transactionId, listingId, isRead,
                createdAt, updatedAt);
    }

    /** Whether {@code userId} is the sender or the receiver. */
    public boolean involves(String userId) {
        return senderId.equals(userId) || receiverId.equals(userId);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
