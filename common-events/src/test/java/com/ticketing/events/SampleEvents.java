package com.ticketing.events;

import static com.ticketing.events.envelope.EventTypes.*;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.block.BlockKey;
import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.payload.block.UserUnblocked;
import com.ticketing.events.payload.listing.ListingChanges;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.payload.listing.ListingQuantityChanged;
import com.ticketing.events.payload.listing.ListingStatus;
import com.ticketing.events.payload.listing.ListingStatusChanged;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.ConversationRead;
import com.ticketing.events.payload.message.MessageDeleted;
import com.ticketing.events.payload.message.MessageRead;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.payload.message.MessageView;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.payload.moderation.MessageReported;
import com.ticketing.events.payload.notification.NotificationRequested;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import com.ticketing.events.payload.transaction.DisputeFiled;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.events.payload.transaction.TransactionStep;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.payload.typing.TypingSignal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One realistic, deterministic sample event per contract event type (fixed ids and times), for
 * serde, schema and topology tests. The story: seller {@code alice} lists two concert tickets,
 * buyer {@code bob} buys them and they chat about it.
 */
public final class SampleEvents {

    public static final String LISTING_ID = "lst-7f3a";
    public static final String TRANSACTION_ID = "txn-51c2";
    public static final String SELLER = "alice";
    public static final String BUYER = "bob";
    public static final String CONVERSATION = ConversationKey.of(SELLER, BUYER);
    public static final String MESSAGE_ID = "6a1f0c2e-3b7d-4e4a-9c55-0d2b8f1e7a10";
    public static final String INSTANCE_ID = "gateway-1";
    public static final Instant T0 = Instant.parse("2026-03-14T18:30:00Z");

    private static final Map<EventType<?>, CloudEvent<?>> BY_TYPE = build();

    private SampleEvents() {
    }

    /** The sample of {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> CloudEvent<T> of(EventType<T> type) {
        CloudEvent<?> event = BY_TYPE.get(type);
        if (event == null) {
            throw new IllegalArgumentException("no sample for " + type.name());
        }
        return (CloudEvent<T>) event;
    }

    /** Every sample, in contract order. */
    public static List<CloudEvent<?>> all() {
        return List.copyOf(BY_TYPE.values());
    }

    /** A {@code listing.updated} caused by a price change: {@code changes.price} carries whole money values. */
    public static CloudEvent<ListingUpdated> listingUpdatedAfterPriceChange() {
        return event(LISTING_UPDATED, "/realtime/listing-events-service", LISTING_ID, 3, new ListingUpdated(
                LISTING_ID, 3, ListingStatus.ACTIVE, 2, usd("135.50"),
                ListingChanges.NONE.withPrice(usd("120.00"), usd("135.50")), at(3)));
    }

    /** Money in US dollars from a decimal string, scale kept ({@code "120.00"} stays two decimals). */
    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** {@link #T0} plus some minutes, so the story's events are ordered. */
    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** An event with a deterministic id derived from its type and a sequence number. */
    public static <T> CloudEvent<T> event(EventType<T> type, String source, String subject, int minutes, T data) {
        String id = UUID.nameUUIDFromBytes((type.name() + "#" + minutes).getBytes()).toString();
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, id, source, type.name(), at(minutes), subject,
                CloudEvent.JSON, data);
    }

    private static Map<EventType<?>, CloudEvent<?>> build() {
        String listings = "/marketplace/listings";
        String transactions = "/marketplace/transactions";
        String updates = "/realtime/listing-events-service";
        String gateway = "/gateway/" + INSTANCE_ID;
        String messages = "/messaging/message-service";
        MessageView stored = new MessageView(MESSAGE_ID, BUYER, SELLER, "Are the seats next to each other?",
                TRANSACTION_ID, LISTING_ID, false, at(11), at(11));

        Map<EventType<?>, CloudEvent<?>> samples = new LinkedHashMap<>();
        put(samples, event(LISTING_CREATED, listings, LISTING_ID, 0,
                new ListingCreated(SELLER, "Two tickets, Arctic Monkeys, Section 104 Row F", 4, usd("120.00"))));
        put(samples, event(LISTING_PRICE_CHANGED, listings, LISTING_ID, 1, new ListingPriceChanged(usd("135.50"))));
        put(samples, event(LISTING_QUANTITY_CHANGED, listings, LISTING_ID, 2, new ListingQuantityChanged(2)));
        put(samples, event(LISTING_STATUS_CHANGED, listings, LISTING_ID, 30,
                new ListingStatusChanged(ListingStatus.SOLD, "all tickets sold")));
        put(samples, event(LISTING_UPDATED, updates, LISTING_ID, 2, new ListingUpdated(LISTING_ID, 3,
                ListingStatus.ACTIVE, 2, usd("135.50"), ListingChanges.NONE.withQuantity(4, 2), at(2))));

        put(samples, event(TRANSACTION_CREATED, transactions, TRANSACTION_ID, 10,
                new TransactionCreated(LISTING_ID, BUYER, SELLER, 2, usd("271.00"))));
        put(samples, event(TRANSACTION_PAYMENT_RECEIVED, transactions, TRANSACTION_ID, 12, new TransactionStep(null)));
        put(samples, event(TRANSACTION_PAYMENT_CONFIRMED, transactions, TRANSACTION_ID, 13,
                new TransactionStep("card capture settled")));
        put(samples, event(TRANSACTION_COMPLETED, transactions, TRANSACTION_ID, 40, new TransactionStep(null)));
        put(samples, event(TRANSACTION_DISPUTE_FILED, transactions, TRANSACTION_ID, 41,
                new DisputeFiled(BUYER, "tickets were not transferred")));
        put(samples, event(TRANSACTION_CANCELLED, transactions, TRANSACTION_ID, 42,
                new TransactionStep("buyer cancelled before payment")));
        put(samples, event(TRANSACTION_UPDATED, updates, TRANSACTION_ID, 12, new TransactionUpdated(TRANSACTION_ID,
                LISTING_ID, TransactionStatus.PAYMENT_RECEIVED, TransactionStatus.PENDING, "payment_received", at(12),
                2, BUYER, SELLER)));

        put(samples, event(MESSAGE_SEND_REQUESTED, gateway, CONVERSATION, 11, new SendMessageCommand(BUYER, SELLER,
                "Are the seats next to each other?", TRANSACTION_ID, LISTING_ID, "c-0001", at(11))));
        put(samples, event(MESSAGE_SENT, messages, CONVERSATION, 11, new MessageSent(stored, "c-0001")));
        put(samples, event(MESSAGE_READ, messages, CONVERSATION, 14,
                new MessageRead(MESSAGE_ID, BUYER, SELLER, SELLER, at(14))));
        put(samples, event(CONVERSATION_READ, messages, CONVERSATION, 15,
                new ConversationRead(SELLER, BUYER, at(15), 3)));
        put(samples, event(MESSAGE_DELETED, messages, CONVERSATION, 16,
                new MessageDeleted(MESSAGE_ID, BUYER, SELLER, at(16))));
        put(samples, event(MESSAGE_REJECTED, messages, CONVERSATION, 17, new MessageRejected(
                "0b6f9f7e-2d8c-4c4e-a1f3-5e7d9c2b4a60", BUYER, SELLER, "c-0002", "RATE_LIMITED",
                "at most 20 messages per 10 seconds")));

        put(samples, event(TYPING_STARTED, gateway, SELLER, 13, new TypingSignal(BUYER, SELLER)));
        put(samples, event(TYPING_STOPPED, gateway, SELLER, 14, new TypingSignal(BUYER, SELLER)));

        put(samples, event(PRESENCE_SOCKET_CONNECTED, gateway, BUYER, 5,
                new SocketConnected(BUYER, "sock-Yx3d", INSTANCE_ID, at(5), "websocket")));
        put(samples, event(PRESENCE_SOCKET_DISCONNECTED, gateway, BUYER, 50,
                new SocketDisconnected(BUYER, "sock-Yx3d", INSTANCE_ID, at(50), "transport close")));
        put(samples, event(PRESENCE_HEARTBEAT, gateway, INSTANCE_ID, 6, new GatewayHeartbeat(INSTANCE_ID, at(6), 10_000)));

        put(samples, event(NOTIFICATION_REQUESTED, messages, SELLER, 18, new NotificationRequested(SELLER,
                NotificationRequested.MESSAGE, MESSAGE_ID, BUYER, "Are the seats next to each other?", 1)));
        put(samples, event(MESSAGE_REPORTED, messages, MESSAGE_ID, 19, new MessageReported(MESSAGE_ID, SELLER, BUYER,
                "asks to pay outside the platform", "Are the seats next to each other?")));
        put(samples, event(USER_BLOCKED, messages, BlockKey.of(SELLER, BUYER), 20,
                new UserBlocked(SELLER, BUYER, at(20))));
        put(samples, event(USER_UNBLOCKED, messages, BlockKey.of(SELLER, BUYER), 21,
                new UserUnblocked(SELLER, BUYER, at(21))));
        return samples;
    }

    private static void put(Map<EventType<?>, CloudEvent<?>> samples, CloudEvent<?> event) {
        samples.put(byName(event.type()).orElseThrow(), event);
    }
}
