package com.ticketing.events.envelope;

import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.payload.block.UserUnblocked;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.payload.listing.ListingQuantityChanged;
import com.ticketing.events.payload.listing.ListingStatusChanged;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.message.ConversationRead;
import com.ticketing.events.payload.message.MessageDeleted;
import com.ticketing.events.payload.message.MessageRead;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.payload.moderation.MessageReported;
import com.ticketing.events.payload.notification.NotificationRequested;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import com.ticketing.events.payload.transaction.DisputeFiled;
import com.ticketing.events.payload.transaction.TransactionCreated;
import com.ticketing.events.payload.transaction.TransactionStep;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.payload.typing.TypingSignal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract (section 5), and the lookup from a {@code type} string to it. */
public final class EventTypes {

    public static final EventType<ListingCreated> LISTING_CREATED =
            new EventType<>("ticketing.listing.created.v1", ListingCreated.class);
    public static final EventType<ListingPriceChanged> LISTING_PRICE_CHANGED =
            new EventType<>("ticketing.listing.price_changed.v1", ListingPriceChanged.class);
    public static final EventType<ListingQuantityChanged> LISTING_QUANTITY_CHANGED =
            new EventType<>("ticketing.listing.quantity_changed.v1", ListingQuantityChanged.class);
    public static final EventType<ListingStatusChanged> LISTING_STATUS_CHANGED =
            new EventType<>("ticketing.listing.status_changed.v1", ListingStatusChanged.class);
    public static final EventType<ListingUpdated> LISTING_UPDATED =
            new EventType<>("ticketing.listing.updated.v1", ListingUpdated.class);

    public static final EventType<TransactionCreated> TRANSACTION_CREATED =
            new EventType<>("ticketing.transaction.created.v1", TransactionCreated.class);
    public static final EventType<TransactionStep> TRANSACTION_PAYMENT_RECEIVED =
            new EventType<>("ticketing.transaction.payment_received.v1", TransactionStep.class);
    public static final EventType<TransactionStep> TRANSACTION_PAYMENT_CONFIRMED =
            new EventType<>("ticketing.transaction.payment_confirmed.v1", TransactionStep.class);
    public static final EventType<TransactionStep> TRANSACTION_COMPLETED =
            new EventType<>("ticketing.transaction.completed.v1", TransactionStep.class);
    public static final EventType<DisputeFiled> TRANSACTION_DISPUTE_FILED =
            new EventType<>("ticketing.transaction.dispute_filed.v1", DisputeFiled.class);
    public static final EventType<TransactionStep> TRANSACTION_CANCELLED =
            new EventType<>("ticketing.transaction.cancelled.v1", TransactionStep.class);
    public static final EventType<TransactionUpdated> TRANSACTION_UPDATED =
            new EventType<>("ticketing.transaction.updated.v1", TransactionUpdated.class);

    public static final EventType<SendMessageCommand> MESSAGE_SEND_REQUESTED =
            new EventType<>("ticketing.message.send_requested.v1", SendMessageCommand.class);
    public static final EventType<MessageSent> MESSAGE_SENT =
            new EventType<>("ticketing.message.sent.v1", MessageSent.class);
    public static final EventType<MessageRead> MESSAGE_READ =
            new EventType<>("ticketing.message.read.v1", MessageRead.class);
    public static final EventType<ConversationRead> CONVERSATION_READ =
            new EventType<>("ticketing.conversation.read.v1", ConversationRead.class);
    public static final EventType<MessageDeleted> MESSAGE_DELETED =
            new EventType<>("ticketing.message.deleted.v1", MessageDeleted.class);
    public static final EventType<MessageRejected> MESSAGE_REJECTED =
            new EventType<>("ticketing.message.rejected.v1", MessageRejected.class);

    public static final EventType<TypingSignal> TYPING_STARTED =
            new EventType<>("ticketing.typing.started.v1", TypingSignal.class);
    public static final EventType<TypingSignal> TYPING_STOPPED =
            new EventType<>("ticketing.typing.stopped.v1", TypingSignal.class);

    public static final EventType<SocketConnected> PRESENCE_SOCKET_CONNECTED =
            new EventType<>("ticketing.presence.socket_connected.v1", SocketConnected.class);
    public static final EventType<SocketDisconnected> PRESENCE_SOCKET_DISCONNECTED =
            new EventType<>("ticketing.presence.socket_disconnected.v1", SocketDisconnected.class);
    public static final EventType<GatewayHeartbeat> PRESENCE_HEARTBEAT =
            new EventType<>("ticketing.presence.heartbeat.v1", GatewayHeartbeat.class);

    public static final EventType<NotificationRequested> NOTIFICATION_REQUESTED =
            new EventType<>("ticketing.notification.requested.v1", NotificationRequested.class);
    public static final EventType<MessageReported> MESSAGE_REPORTED =
            new EventType<>("ticketing.message.reported.v1", MessageReported.class);

    /** Block facts on message-service's own {@code messaging.user-blocks}, which the gateways read. */
    public static final EventType<UserBlocked> USER_BLOCKED =
            new EventType<>("ticketing.user.blocked.v1", UserBlocked.class);
    public static final EventType<UserUnblocked> USER_UNBLOCKED =
            new EventType<>("ticketing.user.unblocked.v1", UserUnblocked.class);

    /** All event types, in contract order. */
    public static final List<EventType<?>> ALL = List.of(
            LISTING_CREATED, LISTING_PRICE_CHANGED, LISTING_QUANTITY_CHANGED, LISTING_STATUS_CHANGED,
            LISTING_UPDATED,
            TRANSACTION_CREATED, TRANSACTION_PAYMENT_RECEIVED, TRANSACTION_PAYMENT_CONFIRMED, TRANSACTION_COMPLETED,
            TRANSACTION_DISPUTE_FILED, TRANSACTION_CANCELLED, TRANSACTION_UPDATED,
            MESSAGE_SEND_REQUESTED, MESSAGE_SENT, MESSAGE_READ, CONVERSATION_READ, MESSAGE_DELETED, MESSAGE_REJECTED,
            TYPING_STARTED, TYPING_STOPPED,
            PRESENCE_SOCKET_CONNECTED, PRESENCE_SOCKET_DISCONNECTED, PRESENCE_HEARTBEAT,
            NOTIFICATION_REQUESTED, MESSAGE_REPORTED, USER_BLOCKED, USER_UNBLOCKED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventTypes() {
    }

    /** The event type with this exact {@code type} string, if the contract knows it. */
    public static Optional<EventType<?>> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }
}
