package com.ticketing.message.messaging;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.ConversationRead;
import com.ticketing.events.payload.message.MessageDeleted;
import com.ticketing.events.payload.message.MessageRead;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.MessageSent;
import com.ticketing.events.payload.moderation.MessageReported;
import com.ticketing.message.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the CloudEvents of {@code messaging.message-events} from stored rows. Subject and record key
 * are the conversation key. {@code message.sent} and {@code message.rejected} have ids derived from
 * the message id and the command id, so re-emitting them (after a redelivered command) gives the
 * same id and consumers drop the copy.
 */
public final class MessageEvents {

    public static final String SOURCE = "/message-service";

    private MessageEvents() {
    }

    public static CloudEvent<MessageSent> sent(StoredMessage message) {
        return withId(EventTypes.MESSAGE_SENT, derivedId("message.sent", message.id().toString()),
                key(message), message.createdAt(), new MessageSent(message.view(), message.clientMessageId()));
    }

    public static CloudEvent<MessageRead> read(StoredMessage message) {
        return CloudEvent.of(EventTypes.MESSAGE_READ, SOURCE, key(message), message.readAt(),
                new MessageRead(message.id().toString(), message.senderId(), message.receiverId(),
                        message.receiverId(), message.readAt()));
    }

    public static CloudEvent<ConversationRead> conversationRead(String readerId, String otherUserId, Instant readAt,
                                                                int count) {
        return CloudEvent.of(EventTypes.CONVERSATION_READ, SOURCE, ConversationKey.of(readerId, otherUserId), readAt,
                new ConversationRead(readerId, otherUserId, readAt, count));
    }

    public static CloudEvent<MessageDeleted> deleted(StoredMessage message) {
        return CloudEvent.of(EventTypes.MESSAGE_DELETED, SOURCE, key(message), message.deletedAt(),
                new MessageDeleted(message.id().toString(), message.senderId(), message.receiverId(),
                        message.deletedAt()));
    }

    /** The refusal of a command; keyed by the conversation when the receiver is known, else by the sender. */
    public static CloudEvent<MessageRejected> rejected(String commandId, String key, Instant at,
                                                       MessageRejected rejection) {
        return withId(EventTypes.MESSAGE_REJECTED, derivedId("message.rejected", commandId), key, at, rejection);
    }

    /** A report for moderation, keyed (and its subject) by the message id; one per message, so its id derives from it. */
    public static CloudEvent<MessageReported> reported(StoredMessage message, String reason, Instant at) {
        String messageId = message.id().toString();
        return withId(EventTypes.MESSAGE_REPORTED, derivedId("message.reported", messageId), messageId, at,
                new MessageReported(messageId, message.receiverId(), message.senderId(), reason, message.content()));
    }

    /** The record key of a message's events. */
    public static String key(StoredMessage message) {
        return ConversationKey.of(message.senderId(), message.receiverId());
    }

    private static String derivedId(String kind, String id) {
        return UUID.nameUUIDFromBytes((kind + "/" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static <T> CloudEvent<T> withId(EventType<T> type, String id, String subject, Instant time, T data) {
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, id, SOURCE, type.name(), time, subject, CloudEvent.JSON, data);
    }
}
