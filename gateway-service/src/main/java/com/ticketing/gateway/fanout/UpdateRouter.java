package com.ticketing.gateway.fanout;

import static com.ticketing.events.envelope.EventTypes.*;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.payload.listing.ListingUpdated;
import com.ticketing.events.payload.message.ConversationRead;
import com.ticketing.events.payload.message.MessageDeleted;
import com.ticketing.events.payload.message.MessageRead;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.message.PendingSends;
import com.ticketing.gateway.socket.Replies;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;


/**
 * Turns each record of the update topics into the Socket.IO events of the contract and the rooms
 * they go to. The one table of "Kafka event → client event".
 */
public final class UpdateRouter {

    private final RoomBroadcaster rooms;
    private final PendingSends pendingSends;
    private final Predicate<String> localRoom;
    private final BiPredicate<String, String> blockedEitherWay;

    /**
     * @param pendingSends     also told of every stored or refused send, so a waiting {@code message:send}
     *                         acknowledgement can answer
     * @param localRoom        whether any socket of this instance is in a room
     * @param blockedEitherWay whether one of two users blocked the other: their typing reaches neither
     */
    public UpdateRouter(RoomBroadcaster rooms, PendingSends pendingSends, Predicate<String> localRoom,
                        BiPredicate<String, String> blockedEitherWay) {
        this.rooms = rooms;
        this.pendingSends = pendingSends;
        this.localRoom = localRoom;
        this.blockedEitherWay = blockedEitherWay;
    }

    /**
     * Whether a record of {@code topic} with this key may be for a socket of this instance, judged
     * from the key alone (every topic is keyed by the aggregate its events go to), so that with
     * several gateways a record nobody here follows costs a map lookup, not a decode. True when the
     * key says nothing.
     */
    public boolean mayReachLocalSockets(String topic, String key) {
        if (key == null) {
            return true;
        }
        if (topic.equals(Topics.LISTING_UPDATES.name())) {
            return localRoom.test(Rooms.listing(key));
        }
        if (topic.equals(Topics.TRANSACTION_UPDATES.name())) {
            return localRoom.test(Rooms.transaction(key));
        }
        if (topic.equals(Topics.TYPING_SIGNALS.name())) {
            return localRoom.test(Rooms.user(key));
        }
        if (topic.equals(Topics.MESSAGE_EVENTS.name())) {
            return eitherUserIsLocal(key);
        }
        return true;
    }

    /** The conversation key joins two sorted user ids with ':', and ids may hold ':' too: try each split. */
    private boolean eitherUserIsLocal(String conversationKey) {
        for (int colon = conversationKey.indexOf(':'); colon >= 0; colon = conversationKey.indexOf(':', colon + 1)) {
            if (localRoom.test(Rooms.user(conversationKey.substring(0, colon)))
                    || localRoom.test(Rooms.user(conversationKey.substring(colon + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Settles a waiting {@code message:send} acknowledgement with a stored or refused send; emits nothing.
     * Called for every event, repeats included (a repeat may be the first this instance can settle with).
     */
    public void settle(CloudEvent<?> event) {
        if (event.is(MESSAGE_SENT)) {
            pendingSends.sent(event.dataAs(MESSAGE_SENT));
        } else if (event.is(MESSAGE_REJECTED)) {
            pendingSends.rejected(event.dataAs(MESSAGE_REJECTED));
        }
    }

    /** Routes one event to its rooms; returns false for a type no client sees, or a signal nobody may see. */
    public boolean route(CloudEvent<?> event) {
        if (event.is(LISTING_UPDATED)) {
            ListingUpdated update = event.dataAs(LISTING_UPDATED);
            List<String> room = List.of(Rooms.listing(update.listingId()));
            rooms.emit(room, ClientEvents.LISTING_UPDATED, update);
            if (update.changes() != null && update.changes().priceChanged()) {
                rooms.emit(room, ClientEvents.LISTING_PRICE_CHANGED, ClientEvents.PriceChanged.of(update));
            }
        } else if (event.is(TRANSACTION_UPDATED)) {
            TransactionUpdated update = event.dataAs(TRANSACTION_UPDATED);
            rooms.emit(List.of(Rooms.transaction(update.transactionId())), ClientEvents.TRANSACTION_UPDATED,
                    ClientEvents.TransactionChanged.of(update));
        } else if (event.is(MESSAGE_SENT)) {
            MessageSent sent = event.dataAs(MESSAGE_SENT);
            rooms.emit(List.of(Rooms.user(sent.message().receiverId())), ClientEvents.MESSAGE_RECEIVED, sent.message());
            rooms.emit(List.of(Rooms.user(sent.message().senderId())), ClientEvents.MESSAGE_SENT, sent.message());
        } else if (event.is(MESSAGE_READ)) {
            MessageRead read = event.dataAs(MESSAGE_READ);
            rooms.emit(List.of(Rooms.user(read.senderId())), ClientEvents.MESSAGE_READ,
                    new ClientEvents.ReadReceipt(read.messageId(), read.readerId(), read.readAt()));
        } else if (event.is(CONVERSATION_READ)) {
            ConversationRead read = event.dataAs(CONVERSATION_READ);
            rooms.emit(List.of(Rooms.user(read.otherUserId())), ClientEvents.CONVERSATION_READ, read);
        } else if (event.is(MESSAGE_DELETED)) {
            MessageDeleted deleted = event.dataAs(MESSAGE_DELETED);
            rooms.emit(List.of(Rooms.user(deleted.senderId()), Rooms.user(deleted.receiverId())),
                    ClientEvents.MESSAGE_DELETED, deleted);
        } else if (event.is(MESSAGE_REJECTED)) {
            MessageRejected rejected = event.dataAs(MESSAGE_REJECTED);
            rooms.emit(List.of(Rooms.user(rejected.senderId())), ClientEvents.MESSAGE_REJECTED,
                    new ClientEvents.Rejected(rejected.clientMessageId(), rejected.receiverId(),
                            Replies.Code.fromService(rejected.code()).name(), rejected.message()));
        } else if (event.is(TYPING_STARTED) || event.is(TYPING_STOPPED)) {
            TypingSignal typing = event.dataAs(event.is(TYPING_STARTED) ? TYPING_STARTED : TYPING_STOPPED);
            if (blockedEitherWay.test(typing.userId(), typing.receiverId())) {
                return false; // already on its way when the block arrived
            }
            rooms.emit(List.of(Rooms.user(typing.receiverId())),
                    event.is(TYPING_STARTED) ? ClientEvents.TYPING_START : ClientEvents.TYPING_STOP,
                    new ClientEvents.Typing(typing.userId()));
        } else {
            return false;
        }
        return true;
    }
}
