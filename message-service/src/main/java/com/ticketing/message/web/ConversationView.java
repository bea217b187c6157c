package com.ticketing.message.web;

import com.ticketing.events.payload.message.MessageView;
import com.ticketing.message.store.ConversationSummary;

/** One entry of {@code GET /api/messages/conversations}. */
public record ConversationView(String userId, MessageView lastMessage, long unreadCount) {

    static ConversationView of(ConversationSummary summary) {
        return new ConversationView(summary.otherUserId(), summary.lastMessage().view(), summary.unreadCount());
    }
}
