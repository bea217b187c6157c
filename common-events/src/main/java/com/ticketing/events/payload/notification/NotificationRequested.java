package com.ticketing.events.payload.notification;

/**
 * {@code notification.requested}: a message was stored for a receiver who had no live socket on any
 * gateway; a push service delivers it to the receiver's devices.
 *
 * @param userId      the receiver, who should be notified
 * @param kind        what happened; {@code message} is the only kind so far
 * @param preview     the start of the message's content, for the notification's text
 * @param unreadCount the receiver's unread messages in the conversation, this one included
 */
public record NotificationRequested(String userId, String kind, String messageId, String senderId, String preview,
                                    long unreadCount) {

    /** The kind of a notification about a new direct message. */
    public static final String MESSAGE = "message";
}
