package com.ticketing.message.messaging;

import static com.ticketing.message.messaging.Changes.guarded;

import com.ticketing.message.store.ConversationStore;
import com.ticketing.message.store.ConversationSummary;
import com.ticketing.message.store.MessageSearch;
import com.ticketing.message.store.MessageStore;
import com.ticketing.message.store.Page;
import com.ticketing.message.store.StoredMessage;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every read of messages, always limited to conversations the caller belongs to; lists are newest first. */
public class MessageReads {

    private final MessageStore store;
    private final ConversationStore conversations;
    private final MessageSearch search;

    public MessageReads(MessageStore store, ConversationStore conversations, MessageSearch search) {
        this.store = store;
        this.conversations = conversations;
        this.search = search;
    }

    public Flux<ConversationSummary> conversations(String userId, Page page) {
        return guarded(conversations.conversations(userId, page));
    }

    public Mono<Long> unreadCount(String userId) {
        return guarded(conversations.unreadCount(userId));
    }

    public Flux<StoredMessage> conversation(String userId, String otherUserId, Page page) {
        return guarded(store.conversation(userId, MessageRules.otherParty(userId, otherUserId), page));
    }

    /**
     * The page of the conversation older than message {@code beforeId}, which must be a message of this
     * conversation (deleted ones included: a page anchor may have been deleted since), else NOT_FOUND.
     */
    public Flux<StoredMessage> conversationBefore(String userId, String otherUserId, String beforeId, int limit) {
        String other = MessageRules.otherParty(userId, otherUserId);
        return guarded(anchor(beforeId)
                .filter(message -> message.involves(userId) && message.involves(other))
                .switchIfEmpty(Mono.error(() -> new MessageRefusedException(Refusal.NOT_FOUND, "Message " + beforeId
                        + " is not in this conversation")))
                .flatMapMany(message -> store.conversationBefore(userId, other, message, limit)));
    }

    public Flux<StoredMessage> aboutTransaction(String userId, String transactionId, Page page) {
        return guarded(store.aboutTransaction(userId, MessageRules.requireId("transactionId", transactionId), page));
    }

    public Flux<StoredMessage> aboutListing(String userId, String listingId, Page page) {
        return guarded(store.aboutListing(userId, MessageRules.requireId("listingId", listingId), page));
    }

    /**
     * The user's messages, sent or received, matching every word of {@code query}, newest first; older
     * than {@code beforeId} (one of the user's messages, else NOT_FOUND) when given.
     */
    public Flux<MessageSearch.SearchHit> search(String userId, String query, String beforeId, int limit) {
        String words = MessageRules.searchQuery(query);
        if (beforeId == null) {
            return guarded(search.search(userId, words, null, limit));
        }
        return guarded(anchor(beforeId)
                .filter(message -> message.involves(userId))
                .switchIfEmpty(Mono.error(() -> new MessageRefusedException(Refusal.NOT_FOUND, "Message not found")))
                .flatMapMany(message -> search.search(userId, words, message, limit)));
    }

    /** The message a page starts before, deleted or not; empty when the id names none. */
    private Mono<StoredMessage> anchor(String beforeId) {
        UUID before = MessageRules.messageId("before", beforeId);
        return before == null ? Mono.empty() : store.findById(before);
    }
}
