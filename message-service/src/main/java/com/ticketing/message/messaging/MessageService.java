package com.ticketing.message.messaging;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.notification.PushRequests;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.store.ConversationStore;
import com.ticketing.message.store.MessageStore;
import com.ticketing.message.store.NewMessage;
import com.ticketing.message.store.ReportStore;
import com.ticketing.message.store.SendStore;
import com.ticketing.message.store.StoredMessage;
import io.r2dbc.spi.R2dbcException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every change to messages: each one stores the change, the conversation summaries it affects and its
 * events (through the {@link Outbox}) in one transaction, so an event exists exactly when its change was
 * committed and a summary always equals a recount. Each change of a conversation holds the conversation's
 * lock ({@link ConversationStore#lock}) from its first statement on, so a conversation's history, the events
 * its changes emit and the order its changes committed in are one order (a redelivered command's
 * {@code message.sent}, queued again under its first id, comes after newer events; consumers drop it as a
 * repeat). Reads are {@link MessageReads}.
 */
public class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    static final String BLOCKED_BY_RECEIVER = "You cannot message this user";
    static final String BLOCKED_BY_SENDER = "You blocked this user; unblock them to send messages";

    private final MessageStore store;
    private final SendStore sends;
    private final ConversationStore conversations;
    private final ReportStore reports;
    private final PushRequests pushRequests;
    private final Outbox outbox;
    private final Changes changes;
    private final SendLimit sendLimit;
    private final Clock clock;

    public MessageService(MessageStore store, SendStore sends, ConversationStore conversations, ReportStore reports,
                          PushRequests pushRequests, Outbox outbox, Changes changes, SendLimit sendLimit,
                          Clock clock) {
        this.store = store;
        this.sends = sends;
        this.conversations = conversations;
        this.reports = reports;
        this.pushRequests = pushRequests;
        this.outbox = outbox;
        this.changes = changes;
        this.sendLimit = sendLimit;
        this.clock = clock;
    }

    /**
     * Stores a message and its {@code message.sent} event, counts it in the conversation's summaries and
     * asks for a push when the receiver is offline. Refused FORBIDDEN while either user blocks the other
     * (the insert is rolled back). A second send with the same sender and
     * client message id returns the stored message ({@code created == false}) if it asks for the same
     * message, else refuses with CONFLICT; with {@code reemitOnReplay} the replay queues the
     * {@code message.sent} event again (same event id), for a redelivered socket command.
     */
    public Mono<SendOutcome> send(SendMessage request, boolean reemitOnReplay) {
        return send(request, now(), reemitOnReplay);
    }

    /** As {@link #send(SendMessage, boolean)} for a message the sender sent at {@code requestedAt}. */
    public Mono<SendOutcome> send(SendMessage request, Instant requestedAt, boolean reemitOnReplay) {
        return send(request, UUID.randomUUID(), requestedAt, reemitOnReplay);
    }

    /**
     * As {@link #send(SendMessage, boolean)}, storing a new message under {@code messageId}: a socket
     * command's id, which the gateway already told the sender, so the acknowledgement and the stored
     * message name the same message. The send limit judges it by {@code requestedAt}, against the
     * sender's stored messages (the window is the table, under a lock on the sender): a backlog stored
     * late is judged as it was sent, a refusal stays a refusal on redelivery, and a replay is never refused.
     */
    public Mono<SendOutcome> send(SendMessage request, UUID messageId, Instant requestedAt, boolean reemitOnReplay) {
        NewMessage message = new NewMessage(messageId, request.senderId(), request.receiverId(),
                request.content(), request.transactionId(), request.listingId(), request.clientMessageId(), now(),
                requestedAt.truncatedTo(ChronoUnit.MICROS));
        StoredMessage expected = message.storedAt(message.createdAt());
        Outbox.Row sent = Outbox.row(Topics.MESSAGE_EVENTS, MessageEvents.key(expected), MessageEvents.sent(expected));
        Mono<SendOutcome> work = sends.lock(message.senderId(), message.receiverId())
                .then(sends.store(message, sent, sendLimit.from(message.requestedAt()),
                        sendLimit.until(message.requestedAt()), 2 * sendLimit.capacity() + 2))
                .flatMap(stored -> admissible(stored, message.requestedAt())
                        .then(queuedAtItsTime(stored.message(), expected))
                        .then(pushRequests.afterSent(stored.message(), stored.receiver()))
                        .thenReturn(new SendOutcome(stored.message(), true)))
                .switchIfEmpty(Mono.defer(() -> replay(request, reemitOnReplay)));
        return changes.committed(work).onErrorMap(MessageService::isValueRefusedByStore, refused -> {
            // The rules should have caught whatever the database refuses; answer the sender rather than
            // fail the request (or stall a command partition) on a value that can never be stored.
            log.warn("PostgreSQL refused a message from {} that passed the rules", request.senderId(), refused);
            return MessageRefusedException.invalid("The message store refused a value of this message");
        });
    }

    /**
     * A new message stays unless either user blocks the other (FORBIDDEN) or it would exceed the send
     * limit (RATE_LIMITED); a retry of a message stored before a block is answered by the replay instead.
     */
    private Mono<Void> admissible(SendStore.NewlyStored stored, Instant requestedAt) {
        if (stored.blockers().contains(stored.message().receiverId())) {
            return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, BLOCKED_BY_RECEIVER));
        }
        if (!stored.blockers().isEmpty()) {
            return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, BLOCKED_BY_SENDER));
        }
        Duration wait = sendLimit.refusal(requestedAt, stored.sendTimes());
        return wait == null ? Mono.empty() : Mono.error(new MessageRefusedException(Refusal.RATE_LIMITED,
                "Too many messages, socket and REST together: at most " + sendLimit.capacity() + " per "
                        + sendLimit.period().toSeconds() + " s", wait));
    }

    /**
     * The store queued {@code message.sent} as encoded for the time the message was to get; a message stored
     * later than that (the conversation's newest was not older) has its event queued here, for its own time.
     */
    private Mono<Void> queuedAtItsTime(StoredMessage stored, StoredMessage expected) {
        return stored.createdAt().equals(expected.createdAt()) ? Mono.empty()
                : outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(stored), MessageEvents.sent(stored));
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
        boolean conversation = rejection.receiverId() != null && Ids.isValid(rejection.receiverId());
        String key = conversation ? ConversationKey.of(rejection.senderId(), rejection.receiverId()) : rejection.senderId();
        Mono<Void> lock = conversation ? conversations.lock(rejection.senderId(), rejection.receiverId()) : Mono.empty();
        return changes.committed(lock.then(Mono.defer(() -> outbox.append(Topics.MESSAGE_EVENTS, key,
                MessageEvents.rejected(commandId, key, now(), rejection)))));
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
                    .flatMap(read -> conversations.recordRead(readerId, read.senderId(), 1)
                            .then(outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(read), MessageEvents.read(read)))
                            .thenReturn(read));
        });
        return changes.committed(work);
    }

    /** Marks every unread message from {@code otherUserId} to the reader read; returns how many. */
    public Mono<Integer> markConversationRead(String readerId, String otherUserId) {
        String other = MessageRules.otherParty(readerId, otherUserId);
        Mono<Integer> work = conversations.lock(readerId, other).then(Mono.defer(() -> {
            Instant at = now();
            return store.markConversationRead(readerId, other, at)
                    .map(Long::intValue)
                    .flatMap(count -> count == 0 ? Mono.just(0)
                            : conversations.recordRead(readerId, other, count)
                            .then(outbox.append(Topics.MESSAGE_EVENTS, ConversationKey.of(readerId, other),
                                    MessageEvents.conversationRead(readerId, other, at, count)))
                            .thenReturn(count));
        }));
        return changes.committed(work);
    }

    /** The sender deletes one of his messages (soft deletion); it disappears from every read. */
    public Mono<Void> delete(String userId, String messageId) {
        Mono<Void> work = visibleLocked(userId, messageId).flatMap(message -> {
            if (!message.senderId().equals(userId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the sender may delete a message"));
            }
            return store.softDelete(message.id(), now())
                    .flatMap(deleted -> conversations.recordDeleted(deleted)
                            .then(outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(deleted),
                                    MessageEvents.deleted(deleted))));
        });
        return changes.committed(work);
    }

    /**
     * The receiver reports a message for moderation: {@code message.reported} on
     * {@code moderation.reports} with the content as it is now. Reporting it again changes nothing.
     */
    public Mono<Void> report(String reporterId, String messageId, String reason) {
        String why = MessageRules.reportReason(reason);
        Mono<Void> work = visibleLocked(reporterId, messageId).flatMap(message -> {
            if (!message.receiverId().equals(reporterId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the receiver may report a message"));
            }
            Instant at = now();
            return reports.insertUnlessReported(message.id(), reporterId, why, message.content(), at)
                    .flatMap(created -> created
                            ? outbox.append(Topics.MODERATION_REPORTS, message.id().toString(),
                            MessageEvents.reported(message, why, at))
                            : Mono.empty());
        });
        return changes.committed(work);
    }

    /**
     * The message locked for change, if it exists, is not deleted and the user is one of its two parties.
     * Its conversation's lock is taken first, as every change of a conversation takes it: before any row lock.
     */
    private Mono<StoredMessage> visibleLocked(String userId, String messageId) {
        UUID id = MessageRules.messageId("messageId", messageId);
        return (id == null ? Mono.<StoredMessage>empty() : store.findById(id))
                .filter(message -> message.involves(userId))
                .flatMap(message -> conversations.lock(message.senderId(), message.receiverId()).then(store.lockById(id)))
                .filter(message -> !message.isDeleted())
                .switchIfEmpty(Mono.error(() -> new MessageRefusedException(Refusal.NOT_FOUND, "Message not found")));
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

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
