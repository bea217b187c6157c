package com.ticketing.message.messaging;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.outbox.OutboxSignal;
import com.ticketing.message.store.ConversationSummary;
import com.ticketing.message.store.MessageStore;
import com.ticketing.message.store.NewMessage;
import com.ticketing.message.store.Page;
import com.ticketing.message.store.StoredMessage;
import io.r2dbc.spi.R2dbcException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change to messages: each one stores the change and its event (through the {@link Outbox})
 * in one transaction, so an event exists exactly when its change was committed. Also answers the
 * reads, always limited to conversations the caller belongs to.
 */
public class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    private final MessageStore store;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final OutboxSignal relay;
    private final Clock clock;

    public MessageService(MessageStore store, Outbox outbox, TransactionalOperator transactions, OutboxSignal relay,
                          Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    /** Whether the sender already has a message under this client message id (a retry, not a new send). */
    public Mono<Boolean> isKnown(String senderId, String clientMessageId) {
        return guarded(store.findByClientMessageId(senderId, clientMessageId).hasElement());
    }

    /**
     * Stores a message and its {@code message.sent} event. A second send with the same sender and
     * client message id returns the stored message ({@code created == false}) if it asks for the same
     * message, else refuses with CONFLICT; with {@code reemitOnReplay} the replay queues the
     * {@code message.sent} event again (same event id), for a redelivered socket command.
     */
    public Mono<SendOutcome> send(SendMessage request, boolean reemitOnReplay) {
        return send(request, UUID.randomUUID(), reemitOnReplay);
    }

    /**
     * As {@link #send(SendMessage, boolean)}, storing a new message under {@code messageId}: a socket
     * command's id, which the gateway already told the sender, so the acknowledgement and the stored
     * message name the same message.
     */
    public Mono<SendOutcome> send(SendMessage request, UUID messageId, boolean reemitOnReplay) {
        NewMessage message = new NewMessage(messageId, request.senderId(), request.receiverId(),
                request.content(), request.transactionId(), request.listingId(), request.clientMessageId(), now());
        Mono<SendOutcome> work = store.insertUnlessDuplicate(message)
                .flatMap(stored -> outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(stored),
                        MessageEvents.sent(stored)).thenReturn(new SendOutcome(stored, true)))
                .switchIfEmpty(Mono.defer(() -> replay(request, reemitOnReplay)));
        return committed(work).onErrorMap(MessageService::isValueRefusedByStore, refused -> {
            // The rules should have caught whatever the database refuses; answer the sender rather than
            // fail the request (or stall a command partition) on a value that can never be stored.
            log.warn("PostgreSQL refused a message from {} that passed the rules", request.senderId(), refused);
            return MessageRefusedException.invalid("The message store refused a value of this message");
        });
    }

    private Mono<SendOutcome> replay(SendMessage request, boolean reemit) {
        return store.findByClientMessageId(request.senderId(), request.clientMessageId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("insert conflicted but no row found")))
                .flatMap(stored -> {
                    if (!sameMessage(stored, request)) {
                        return Mono.error(new MessageRefusedException(Refusal.CONFLICT,
                                "clientMessageId " + request.clientMessageId() + " was used for another message"));
                    }
                    Mono<Void> event = reemit && !stored.isDeleted()
                            ? outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(stored), MessageEvents.sent(stored))
                            : Mono.empty();
                    return event.thenReturn(new SendOutcome(stored, false));
                });
    }

    private static boolean sameMessage(StoredMessage stored, SendMessage request) {
        return stored.receiverId().equals(request.receiverId()) && stored.content().equals(request.content())
                && Objects.equals(stored.transactionId(), request.transactionId())
                && Objects.equals(stored.listingId(), request.listingId());
    }

    /** Queues {@code message.rejected} for a refused send command. */
    public Mono<Void> reject(String commandId, MessageRejected rejection) {
        String key = rejection.receiverId() != null && Ids.isValid(rejection.receiverId())
                ? ConversationKey.of(rejection.senderId(), rejection.receiverId()) : rejection.senderId();
        return committed(outbox.append(Topics.MESSAGE_EVENTS, key,
                MessageEvents.rejected(commandId, key, now(), rejection)));
    }

    /** The receiver marks one message read; reading it again changes nothing and emits nothing. */
    public Mono<StoredMessage> markRead(String readerId, String messageId) {
        Mono<StoredMessage> work = visibleLocked(readerId, messageId).flatMap(message -> {
            if (!message.receiverId().equals(readerId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the receiver may mark a message read"));
            }
            if (message.isRead()) {
                return Mono.just(message);
            }
            return store.markRead(message.id(), now())
                    .flatMap(read -> outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(read),
                            MessageEvents.read(read)).thenReturn(read));
        });
        return committed(work);
    }

    /** Marks every unread message from {@code otherUserId} to the reader read; returns how many. */
    public Mono<Integer> markConversationRead(String readerId, String otherUserId) {
        String other = otherParty(readerId, otherUserId);
        Instant at = now();
        Mono<Integer> work = store.markConversationRead(readerId, other, at)
                .map(Long::intValue)
                .flatMap(count -> count == 0 ? Mono.just(0)
                        : outbox.append(Topics.MESSAGE_EVENTS, ConversationKey.of(readerId, other),
                        MessageEvents.conversationRead(readerId, other, at, count)).thenReturn(count));
        return committed(work);
    }

    /** The sender deletes one of his messages (soft deletion); it disappears from every read. */
    public Mono<Void> delete(String userId, String messageId) {
        Mono<Void> work = visibleLocked(userId, messageId).flatMap(message -> {
            if (!message.senderId().equals(userId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the sender may delete a message"));
            }
            return store.softDelete(message.id(), now())
                    .flatMap(deleted -> outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(deleted),
                            MessageEvents.deleted(deleted)));
        });
        return committed(work);
    }

    public Flux<ConversationSummary> conversations(String userId, Page page) {
        return guarded(store.conversations(userId, page));
    }

    public Mono<Long> unreadCount(String userId) {
        return guarded(store.unreadCount(userId));
    }

    public Flux<StoredMessage> conversation(String userId, String otherUserId, Page page) {
        return guarded(store.conversation(userId, otherParty(userId, otherUserId), page));
    }

    public Flux<StoredMessage> aboutTransaction(String userId, String transactionId, Page page) {
        return guarded(store.aboutTransaction(userId, MessageRules.requireId("transactionId", transactionId), page));
    }

    public Flux<StoredMessage> aboutListing(String userId, String listingId, Page page) {
        return guarded(store.aboutListing(userId, MessageRules.requireId("listingId", listingId), page));
    }

    /** The message locked for change, if it exists, is not deleted and the user is one of its two parties. */
    private Mono<StoredMessage> visibleLocked(String userId, String messageId) {
        UUID id = messageId(messageId);
        return (id == null ? Mono.<StoredMessage>empty() : store.lockById(id))
                .filter(message -> !message.isDeleted() && message.involves(userId))
                .switchIfEmpty(Mono.error(() -> new MessageRefusedException(Refusal.NOT_FOUND, "Message not found")));
    }

    /** A syntactically valid id that is not a UUID names no message (null). */
    private static UUID messageId(String messageId) {
        MessageRules.requireId("messageId", messageId);
        try {
            return UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String otherParty(String userId, String otherUserId) {
        String other = MessageRules.requireId("userId", otherUserId);
        if (other.equals(userId)) {
            throw MessageRefusedException.invalid("userId must be another user");
        }
        return other;
    }

    private <T> Mono<T> committed(Mono<T> work) {
        return guarded(transactions.transactional(work)).doOnSuccess(result -> relay.wake());
    }

    /**
     * Whether PostgreSQL refused a value of the statement (SQLSTATE class 22, data exception, such as a
     * NUL in text; or 23, integrity constraint violation), as opposed to failing for a reason of its own.
     */
    private static boolean isValueRefusedByStore(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return r2dbc.getSqlState().startsWith("22") || r2dbc.getSqlState().startsWith("23");
            }
        }
        return false;
    }

    /** The store's own failures told apart from refusals: out of reach is {@link StoreUnavailableException}. */
    private static <T> Mono<T> guarded(Mono<T> work) {
        return work.onErrorMap(StoreUnavailableException::isUnavailability, StoreUnavailableException::new);
    }

    private static <T> Flux<T> guarded(Flux<T> work) {
        return work.onErrorMap(StoreUnavailableException::isUnavailability, StoreUnavailableException::new);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
