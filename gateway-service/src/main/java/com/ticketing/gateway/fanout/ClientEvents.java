package com.ticketing.gateway.fanout;

import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import java.time.Instant;

/** The Socket.IO event names and the payloads that are not a Kafka payload as is (contract section 3). */
public final class ClientEvents {

    public static final String LISTING_UPDATED = "listing:updated";
    public static final String LISTING_PRICE_CHANGED = "listing:price_changed";
    public static final String TRANSACTION_UPDATED = "transaction:updated";
    public static final String MESSAGE_RECEIVED = "message:received";
    public static final String MESSAGE_SENT = "message:sent";
    public static final String MESSAGE_READ = "message:read";
    public static final String MESSAGE_REJECTED = "message:rejected";
    public static final String CONVERSATION_READ = "conversation:read";
    public static final String MESSAGE_DELETED = "message:deleted";
    public static final String TYPING_START = "typing:start";
    public static final String TYPING_STOP = "typing:stop";

    private ClientEvents() {
    }

    /** {@code listing:price_changed}: amounts as decimal strings, one currency. */
    public record PriceChanged(String listingId, long version, String oldPrice, String newPrice, String currency,
                               Instant occurredAt) {

        static PriceChanged of(ListingUpdated update) {
            var price = update.changes().price();
            return new PriceChanged(update.listingId(), update.version(), price.from().amount().toPlainString(),
                    price.to().amount().toPlainString(), price.to().currency(), update.occurredAt());
        }
    }

    /** {@code transaction:updated}: the update without the participants. */
    public record TransactionChanged(String transactionId, String listingId, TransactionStatus status,
                                     TransactionStatus previousStatus, String event, Instant occurredAt, long version) {

        static TransactionChanged of(TransactionUpdated update) {
            return new TransactionChanged(update.transactionId(), update.listingId(), update.status(),
                    update.previousStatus(), update.event(), update.occurredAt(), update.version());
        }
    }

    /** {@code message:read}: the read receipt the sender gets. */
    public record ReadReceipt(String messageId, String readerId, Instant readAt) {
    }

    /** {@code typing:start} / {@code typing:stop}: who is typing. */
    public record Typing(String userId) {
    }

    /** {@code message:rejected}: message-service refused a send. */
    public record Rejected(String clientMessageId, String receiverId, String code, String message) {
    }
}
