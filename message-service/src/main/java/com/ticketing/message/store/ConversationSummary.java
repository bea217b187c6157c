package com.ticketing.message.store;

/** One conversation of a user: the other party, the newest message and how many messages he has not read yet. */
public record ConversationSummary(String otherUserId, StoredMessage lastMessage, long unreadCount) {
}
