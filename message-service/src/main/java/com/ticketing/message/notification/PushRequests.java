package com.ticketing.message.notification;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.notification.NotificationRequested;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.messaging.MessageEvents;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.store.ConversationStore;
import com.ticketing.message.store.StoredMessage;
import reactor.core.publisher.Mono;

/**
 * Decides, in the transaction that stores a message, whether its receiver gets a push request
 * ({@code notification.requested} on {@code notifications.push-requests}): only when he has no live
 * socket anywhere, and at most once per conversation within {@code per-conversation}. The decision and
 * its mark on the conversation commit with the message, so concurrent sends never both notify.
 */
public class PushRequests {

    private final Presence presence;
    private final ConversationStore conversations;
    private final Outbox outbox;
    private final NotificationProperties properties;

    public PushRequests(Presence presence, ConversationStore conversations, Outbox outbox,
                        NotificationProperties properties) {
        this.presence = presence;
        this.conversations = conversations;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** After a new message was stored and counted: request a push if its receiver should get one. */
    public Mono<Void> afterSent(StoredMessage message, ConversationStore.ReceiverSide receiver) {
        if (!properties.enabled() || recentlyNotified(message, receiver) || presence.isOnline(message.receiverId())) {
            return Mono.empty();
        }
        NotificationRequested request = new NotificationRequested(message.receiverId(), NotificationRequested.MESSAGE,
                message.id().toString(), message.senderId(), preview(message.content()), receiver.unreadCount());
        return conversations.markNotified(message.receiverId(), message.senderId(), message.createdAt())
                .then(outbox.append(Topics.NOTIFICATION_REQUESTS, message.receiverId(),
                        CloudEvent.of(EventTypes.NOTIFICATION_REQUESTED, MessageEvents.SOURCE, message.receiverId(),
                                message.createdAt(), request)));
    }

    private boolean recentlyNotified(StoredMessage message, ConversationStore.ReceiverSide receiver) {
        return receiver.notifiedAt() != null
                && receiver.notifiedAt().plus(properties.perConversation()).isAfter(message.createdAt());
    }

    private String preview(String content) {
        if (content.codePointCount(0, content.length()) <= properties.previewLength()) {
            return content;
        }
        return content.substring(0, content.offsetByCodePoints(0, properties.previewLength() - 1)) + "…";
    }
}
